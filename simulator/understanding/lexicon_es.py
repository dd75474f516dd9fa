"""Spanish cues for each move, over folded text (lower-case, accents removed: "mañana" -> "manana").

Same names and roles as ``lexicon_en``; covers usted and tú, Spain and Latin America.
"""

W = r"(?:\w+\s+){0,3}"

NEGATION = r"\b(?:no|nunca|jamas|nadie|nada|ningun|ninguna|ninguno|sin|tampoco|ni)\b"
NEGATION_EXEMPT = r"\b(?:si|a menos que|salvo que|hasta que|de lo contrario|o si no|no solo|no solamente|no se preocupe|no te preocupes)\b"
HEDGE = r"\b(?:intentar\w*|intento|a lo mejor|quiza|quizas|tal vez|igual|puede que|si puedo|si me es posible|depende|no se|no estoy segur[oa]|creo que (?:si|puedo)|ojala|a ver si|probablemente|vere|veremos|procurare)\b"

PAY = (r"\b(?:pag\w*|abon\w*|transfer\w*|deposit\w*|ingres\w*|liquid\w*|saldar|cubrir|pon(?:erse|gase|te)? al dia|regularizar|hacer (?:el|un) (?:pago|ingreso|deposito)|"
       r"(?:el|la|ese|esa|este|esta|su|tu) (?:importe|cantidad|cuota|monto|saldo|dinero|deuda|plata|recibo)|\$\s?\d|\d+\s?(?:euros|dolares|pesos|€)|mandar(?:me|nos)? el dinero|enviar\w* el dinero)\b")
TODAY = (r"\b(?:hoy(?: mismo)?|esta (?:noche|tarde|manana)|ahora(?: mismo)?|ahorita|de inmediato|inmediatamente|ya mismo|enseguida|en este momento|"
         r"antes de(?:l)? (?:mediodia|medio dia|las \d{1,2}|la una|que (?:acabe|termine) el dia|final del dia|cerrar)|antes de las \w+|a lo largo del dia|durante el dia|en la proxima hora|en una hora|"
         r"al mediodia|a mediodia|en el dia de hoy)\b")
REQUEST = (r"\b(?:puede|podria|pudiera|podrias|puedes|necesito|necesitamos|le pido|te pido|le ruego|le solicito|tiene que|tienes que|debe|debes|deberia|"
           r"hay que|es necesario|es importante|seria posible|es posible|le parece|te parece|que tal si|quiero que|queremos que|me gustaria que|"
           r"por favor|haga|haz|realice|realiza|efectue|pague|paga|transfiera|transfiere|ingrese|ingresa|abone|abona|deposite|liquide|"
           r"vamos a necesitar|hagamos|le propongo|te propongo|seria ideal|podemos|podemos dejarlo|cuento con|contamos con|tendria que|tendrias que|"
           r"(?:lo|la) (?:necesito|necesitamos)|le llamo para (?:pedir|solicitar|cobrar)|esperamos (?:el|su|recibir))\b")
PAST_QUESTION = r"\b(?:ya (?:ha|has|hizo|pago|pagaste)|pago usted hoy|ha pagado|has pagado|como esta|que tal esta|como le va|le llame|te llame|le he llamado|vencio|vence hoy|vencia|se vencio|desde)\b"

CONFIRM_IDENTITY = (r"\b(?:hablo con|estoy hablando con|es usted|eres tu|es (?:el|la) (?:senor|senora|senorita|sr|sra|titular)|se encuentra|"
                    r"(?:podria|puedo|quisiera|me gustaria|podrias) hablar con|(?:me|podria) (?:comunica|pasa|comunicar|pasar) con|busco a|estoy buscando a|"
                    r"con quien (?:hablo|tengo el gusto)|esta (?:el|la|don|dona) |(?:el|la) (?:senor|senora) \w+,? por favor|es (?:don|dona) |"
                    r"es este el (?:numero|telefono) de|(?:usted|tu) (?:es|eres) (?:el|la) (?:titular|senor|senora))")
IDENTITY_TARGET = r"\b(?:senor|senora|senorita|sr|sra|srta|don|dona|titular|el cliente|la clienta|[a-z]+ [a-z]+ez)\b"
IDENTITY_TRAP = r"\b(?:es usted consciente|es usted capaz|se encuentra bien|esta (?:bien|ocupad|dispuest|segur)|es (?:un buen momento|serio|broma)|es usted consciente)\b"

IDENTIFY_SELF = (r"\b(?:soy \w+(?:,)? (?:de|del|desde)|me llamo|mi nombre es|le (?:llamo|llamamos|hablo|habla|contacto) (?:de|desde|en nombre|por parte)|"
                 r"te (?:llamo|llamamos|hablo|habla) (?:de|desde|en nombre|por parte)|le habla \w+|te habla \w+|(?:llamo|llamamos) (?:de|desde|en nombre|por parte)|"
                 r"somos (?:de|del) |(?:soy|trabajo) (?:de|del|en|para) (?:la |el )?(?:departamento|area|financiera|banco|entidad|empresa|servicio|financiera \w+)|"
                 r"(?:de|por) parte de (?:la |el )?(?:financiera|banco|entidad|empresa|departamento|creditos|[A-Za-z]+ (?:credit|financ))|en nombre de (?:la |el )?\w+|"
                 r"soy (?:el|la) (?:gestor|gestora|asesor|asesora|agente|responsable|encargad[oa])|soy \w+,? (?:su|tu) (?:gestor|gestora|asesor|asesora|agente))")
IDENTIFY_SELF_TRAP = r"\b(?:soy (?:de|del) (?:madrid|barcelona|mexico|aqui)|de parte de quien)\b"

DEBT = (r"\b(?:deuda|deudas|debe|deben|adeuda|adeudad[oa]|atrasad[oa]s?|atraso|vencid[oa]s?|retraso|retrasad[oa]|mora|moros[oa]|pendientes?|impag[oa]s?|sin pagar|"
        r"no (?:ha|han|se ha|se han|hemos) (?:pagado|cobrado|recibido|abonado|realizado|registrado)|no (?:se|nos) (?:ha|han) (?:pagado|cobrado|llegado)|"
        r"(?:su|tu) (?:cuota|prestamo|credito|tarjeta|recibo|plazo|mensualidad|factura|cuenta|pago)|saldo (?:pendiente|deudor|vencido)|"
        r"(?:lleva|llevas|llevan) (?:\w+ )?(?:dias|semanas|meses) sin pagar|devuelt[oa]|rechazad[oa]|incumpli\w*)\b")
DEBT_TRAP = r"\b(?:se me hace tarde|llego tarde|mas tarde|debe (?:de )?ser|debe estar|me debe una|como debe)\b"

ASK_WHEN = (r"\b(?:cuando (?:(?:me |nos |lo |la )?(?:puede|podria|podra|va a|piensa|cree que|podras|puedes|vas a|pagara|pagaria|paga|pagas|hara|haria|tendra|tendria|estima|calcula|tiene pensado))|"
            r"(?:para )?cuando (?:podemos|podriamos) (?:esperar|contar)|que dia (?:puede|podria|va a|le viene|piensa)|(?:en )?que fecha (?:puede|podria|va a|piensa)|"
            r"para cuando (?:puede|podria|tendra|tendria|lo|la|cree|seria)|cuanto tiempo (?:necesita|tardara|le llevara)|cuando cree que|cuando le vendria bien (?:pagar|hacer))")

ASK_REASON = (r"\b(?:que (?:le |te |les )?(?:ha )?(?:paso|pasado|sucedio|sucedido|ocurrio|ocurrido)|que paso|que ocurrio|que sucedio|"
              r"por ?que (?:no|motivo|razon|ha|esta|se|sigue|lleva)|por ?que\?|cual (?:es|fue|ha sido) (?:el|la) (?:motivo|razon|problema|causa|inconveniente|situacion)|"
              r"que (?:le|te|les) (?:impide|impidio|detiene|frena|ha impedido)|que (?:problema|inconveniente|dificultad) (?:tiene|tuvo|hubo|ha tenido|tienes)|"
              r"a que se debe|que (?:esta|estas) pasando|que pasa|que ha pasado|hubo (?:algun|alguna) (?:problema|inconveniente|imprevisto)|ha (?:habido|tenido) (?:algun|alguna) (?:problema|inconveniente|imprevisto)|"
              r"por que motivo|como es que|(?:me puede|podria|puede|me podria) (?:contar|explicar|decir) (?:que|por que|el motivo|la razon|mas)|cuenteme|cuentame|expliqueme|explicame|"
              r"a quien (?:le )?(?:presto|dejo)|cuando (?:vuelve|regresa|vuelves|regresas) (?:de|del)|cuanto (?:tiempo )?(?:va a estar|estara) (?:fuera|de viaje)|"
              r"cuando (?:le|te) (?:paga|pagan|pagara|devolvera|devuelve) (?:su|tu|el|la)|(?:su|tu) (?:cliente|amigo|amiga) (?:cuando|le ha|te ha)|"
              r"(?:esta|estas) (?:teniendo|pasando por) (?:problemas|dificultades|un mal momento)|(?:ha|has) (?:perdido|tenido)|que tipo de|como (?:esta|va) (?:su|tu) situacion|"
              r"cual es su situacion|que (?:le|te) (?:ayudaria|haria falta))")
ASK_REASON_TRAP = r"\b(?:que tal el tiempo|en que (?:le|te) puedo ayudar|que (?:le|te) pasa al telefono)\b"

CONSEQUENCE = {
    "late_fees": (r"\b(?:intereses? (?:de demora|moratorios?|de mora|de penalizacion|adicionales|de retraso)|recargos?|penalizaci(?:on|ones)|gastos (?:de|por) (?:demora|impago|gestion|cobro|reclamacion|devolucion)|"
                  r"comision(?:es)? (?:por|de) (?:impago|demora|reclamacion|retraso|devolucion)|cargos? (?:adicionales|por mora|por demora|por retraso)|multas?|"
                  r"(?:la deuda|el importe|la cantidad|lo que debe) (?:va a |seguira |sigue )?(?:crecer|aumentar|subir)|(?:pagar|pagara|pague) (?:mas|un poco mas)|(?:le|te) (?:saldra|costara) mas (?:caro)?|intereses)"),
    "credit_record": (r"\b(?:historial (?:crediticio|de credito)|buro(?: de credito)?|asnef|equifax|experian|(?:fichero|lista|registro|listado) de (?:morosos|impagados)|"
                      r"central de (?:riesgos|informacion)|informacion crediticia|calificacion crediticia|puntuacion crediticia|score crediticio|reportad[oa]|reportar\w*|"
                      r"(?:su|tu) (?:historial|credito|calificacion|puntuacion)|antecedentes crediticios|(?:mal|malos) (?:historial|antecedentes)|informacion de credito)"),
    "future_credit": (r"\b(?:(?:dificil|complicado|imposible|mas dificil|muy dificil) (?:(?:que le|que te) (?:den|concedan|aprueben)|conseguir|obtener|acceder a|pedir|solicitar) (?:un |otro |nuevos? |ningun |una )?(?:credito|prestamo|hipoteca|financiacion|financiamiento|tarjeta)|"
                      r"no (?:le|te) (?:daran|van a dar|concederan|aprobaran|prestaran|van a prestar|van a conceder)|futuros? (?:creditos?|prestamos?|solicitudes|financiacion)|"
                      r"(?:le|te) (?:negaran|rechazaran|denegaran|cerraran las puertas)|otras (?:entidades|instituciones|financieras)|(?:pedir|solicitar|conseguir) (?:una )?hipoteca|comprar (?:una casa|un coche|un auto)|"
                      r"(?:nuevos?|otro) (?:credito|prestamo)s?|(?:acceso al|acceder al) credito|ningun banco)"),
    "legal": (r"\b(?:(?:departamento|area) (?:juridico|legal|de recobro|de recuperacion)|via (?:judicial|legal)|(?:acciones|proceso|procedimiento|reclamacion|demanda) (?:judicial|legal)(?:es)?|"
              r"abogados?|demanda|juzgado|tribunal(?:es)?|juicio|agencia de (?:cobro|recobro)|empresa de recobro|recobro|monitorio|procedimiento judicial|"
              r"(?:pasar|pasara|pase|remitir|remitira|trasladar|enviar|enviara|escalar)(?:lo|la|se)? (?:el caso |su caso |la cuenta |su expediente |el expediente )?(?:a|al) (?:nuestro |el |la )?(?:departamento|area|abogados|juridico|legal|recobro|agencia))"),
}

FUNDING = (r"\b(?:pedir(?:lo|le|selo)? prestado|pidiendo prestado|pidalo prestado|pidelo prestado|prestamo de|(?:algun|un|una|su|tu) (?:familiar|amigo|amiga|conocido|pariente|hermano|hermana)|"
           r"(?:su|tu) (?:familia|padres|pareja|jefe|empresa)|pagar (?:una |al menos una |aunque sea una )?(?:parte|porcion)|pago parcial|pago a cuenta|una parte|la mitad|algo (?:hoy|ahora|de dinero|a cuenta)|"
           r"ahorros|(?:con|por|mediante) (?:la |una |su |tu )?tarjeta|(?:transferencia|pago) (?:online|por internet|desde el movil|por la app)|banca (?:online|movil|por internet|electronica)|"
           r"desde (?:donde (?:esta|estas)|el movil|su movil|tu movil|la app|el telefono|el hotel|alli|alla|el extranjero)|adelanto (?:de|del) (?:sueldo|nomina|salario)|vender|"
           r"plan de pagos|fraccionar|cuotas mas pequenas|lo que (?:pueda|puedas)|una cantidad menor|(?:alguien|otra persona) (?:que )?(?:le|te)? ?(?:preste|pague|adelante)|"
           r"(?:recuperar|pedir(?:le)?) (?:el dinero|que le devuelva)|(?:contacto|datos) de (?:su|tu) amigo|que (?:su|tu) amigo (?:le|te) (?:devuelva|pague)|reunir el dinero)\b")

PRESS = (r"\b(?:a que hora|que hora|que dia (?:de esta semana|exactamente|concreto)|que dia exacto|(?:deme|dime|digame|me da|me puede dar) (?:una|la|un) (?:hora|fecha|dia)|"
         r"(?:hora|fecha|dia) (?:concreta|concreto|exacta|exacto|especifica|especifico|fija|fijo|limite)|(?:se|te) compromete|(?:se|te) comprometes|compromiso|me lo (?:promete|prometes|asegura|aseguras|garantiza)|"
         r"puedo contar con|(?:hoy|manana) (?:antes|a las|por la)|como muy tarde|a mas tardar|hoy o manana|hoy mismo o|le parece bien (?:hoy|manana|a las|el)|"
         r"(?:quedamos|dejamos|ponemos) (?:en )?(?:manana|hoy|a las|el)\b.{0,30}\?|que le parece (?:manana|hoy|a las|el)|(?:manana|hoy) a primera hora\?|"
         r"(?:antes de|a) las \d{1,2}\b.{0,15}\?|puede (?:hacerlo|hacer el pago|pagar) (?:antes de|a las|manana|hoy)|cual le viene mejor|que le viene mejor|"
         r"(?:sobre|a eso de) que hora|en que momento|concretemos|pongamos una fecha|fijemos)")

CONFIRM = (r"\b(?:para confirmar|(?:le|te) confirmo|confirmo|confirmamos|confirmado|quiero confirmar|(?:le|te) repito|repito|resumiendo|recapitulando|en resumen|"
           r"entonces,? (?:quedamos|queda|usted (?:paga|pagara|va a pagar|hara|realizara)|tu (?:pagas|pagaras|vas a pagar)|(?:me|nos) (?:paga|pagara|transfiere|ingresa)|el pago|seria|manana|hoy|el \w+ a las)|"
           r"quedamos (?:asi|entonces|en que|de acuerdo)|queda(?:mos)? (?:acordado|registrado|anotado)|lo (?:anoto|dejo anotado|apunto|registro)|tomo nota|dejo constancia|"
           r"de acuerdo,? entonces|perfecto,? entonces|(?:es|seria) correcto\?|correcto\?|verdad\?|lo tengo anotado|(?:lo|la) pongo en (?:su|el) expediente|"
           r"quedo a la espera|esperamos (?:su|el) pago (?:manana|hoy|el)|(?:usted|tu) (?:me )?(?:paga|pagara|vas a pagar|va a pagar|transfiere|transferira)\b.{0,50}\b(?:verdad|correcto|cierto)|tenemos un (?:acuerdo|trato))")
CONFIRM_NEEDS_TIME = r"\b(?:entonces,? (?:usted|tu|el pago|me|nos))"

EMPATHY = (r"\b(?:(?:lo )?entiendo|(?:le |te )?comprendo|lo siento|lo lamento|siento (?:mucho|oir|escuchar|que)|lamento|que pena|que mal|"
           r"(?:debe|tiene que) (?:ser|estar|haber sido) (?:muy )?(?:dificil|duro|complicado|estresante)|(?:me|lo) imagino|me hago cargo|(?:le|te) agradezco|"
           r"gracias por (?:contarme|explicarme|su sinceridad|tu sinceridad|ser sincer|decirmelo|la informacion|avisar)|es (?:comprensible|normal|logico)|no se preocupe|no te preocupes|"
           r"estoy aqui para ayudar|quiero ayudarle|quiero ayudarte|vamos a buscar (?:una|la) (?:solucion|manera)|busquemos (?:una|la) (?:solucion|manera)|que situacion (?:tan )?(?:dificil|complicada)|"
           r"(?:situacion|momento) (?:dificil|complicad[oa]|dur[oa])|cuanto lo siento|tranquil[oa])")
EMPATHY_TRAP = r"\b(?:entiendo que (?:usted )?(?:debe|tiene una deuda|no ha pagado))\b"

VERIFY = {
    "amount": r"\b(?:cuanto (?:pago|ha pagado|has pagado|transfirio|abono|ingreso|deposito|fue|era|dinero)|(?:que|cual fue el|cual es el) (?:importe|cantidad|monto)|(?:el )?importe (?:exacto|que|del pago)|la cantidad (?:exacta|que)|por que importe|fue el total)",
    "date": r"\b(?:cuando (?:pago|hizo el pago|lo pago|la pago|transfirio|realizo|hizo la transferencia|fue (?:el pago|eso)|lo hizo|deposito|ingreso|pagaste|hiciste)|que (?:dia|fecha) (?:pago|hizo|realizo|fue|lo|la|hiciste|pagaste|transfirio)|fecha (?:del|de la) (?:pago|transferencia|ingreso)|en que fecha)",
    "channel": (r"\b(?:(?:como|por que medio|por donde|de que forma|de que manera|por que via) (?:lo |la )?(?:pago|ha pagado|hizo|realizo|pagaste|hiciste|transfirio|envio)|"
                r"a que (?:cuenta|banco|numero)|(?:que|cual|cual es la) (?:cuenta|banco|metodo|referencia|tarjeta|numero de cuenta)|desde que (?:cuenta|banco)|"
                r"comprobante|justificante|recibo|numero de (?:operacion|referencia|transaccion)|transferencia,? (?:efectivo|bizum|tarjeta)|(?:bizum|efectivo|tarjeta) o|iban)"),
}
VERIFY_CONTEXT = r"\b(?:pag\w*|transfer\w*|ingres\w*|deposit\w*|abon\w*|cuenta|banco|comprobante|recibo|justificante|lo|la)\b"

CALLBACK = (r"\b(?:cuando (?:puedo|podria|podemos|podre) (?:localizarl|llamarl|encontrarl|hablar con|contactar|ubicarl|llamar)|"
            r"a que hora (?:puedo|podria|esta|estara|vuelve|llega|regresa|suele estar|lo encuentro|la encuentro|le encuentro)|"
            r"cuando (?:vuelve|regresa|llega|estara|esta|suele estar|lo encuentro|la encuentro)|"
            r"(?:digale|dile|pidale|pidele|comuniquele|comunicale|avisele|avisale) (?:que )?(?:me |nos )?(?:llame|devuelva|se comunique|contacte|se ponga en contacto)|"
            r"devolver(?:me)? (?:la|mi) llamada|(?:dejar|dejarle|dejo) (?:un )?(?:recado|mensaje)|que me llame|que nos llame|que se ponga en contacto|"
            r"(?:hay|tiene) (?:otro|algun) (?:numero|telefono)|(?:mejor|buen) momento para (?:llamarl|localizarl|hablar con|contactar)|le (?:dejo|doy) mi (?:numero|telefono))")

THIRD_PARTY_PAY = (r"\b(?:(?:podria|puede|quiere|podrias|puedes|quisiera|seria posible que) (?:usted |tu )?(?:pagar|abonar|cubrir|hacerse cargo|adelantar|saldar|asumir)(?:la|lo|le|se)?\b.{0,40}(?:por (?:el|ella)|en su (?:lugar|nombre)|en nombre de|usted|tu|de su bolsillo)|"
                   r"pagarl[ao] usted|pagar usted|ayudarle a pagar|echarle una mano|(?:usted|tu) (?:podria|puede|podrias|puedes) (?:pagar|abonar|cubrir|adelantar)|"
                   r"(?:pague|paga|pagar) (?:usted|tu) (?:la deuda|lo que debe|por el|por ella)|(?:prestarle|dejarle|darle) (?:el )?dinero)")

ABUSE = (r"\b(?:sinverguenza|sinverguenzas|caradura|idiota|idiotas|estupid[oa]|imbecil|inutil|mentiros[oa]|ladron|ladrona|tont[oa]|gilipollas|cabron|cabrona|"
         r"mierda|joder|jodid[oa]|pendej[oa]|estafador[a]?|parasito|muerto de hambre|vag[oa]|callate|calle(?:se)? la boca|desgraciad[oa]|payas[oa]|pedazo de|"
         r"cretino|cretina|subnormal|miserable|rata|basura|chorizo|tramposo|tramposa|moroso de mierda|maldit[oa]|carajo|chingad[oa]|culero|huevon|pelotudo|boludo|"
         r"mentiroso|inepto|inepta|ignorante|deshonesto)\b")
ABUSE_TRAP = r"\b(?:no (?:le|te) (?:estoy llamando|llamo|digo que (?:sea|es|eres)))"

THREAT = (r"\b(?:policia|arrest\w*|carcel|prision|detener(?:le|te|lo)?|detenid[oa]|denuncia (?:penal)?|denunciar(?:le|te|lo)?|"
          r"(?:vamos|voy|iremos|ire|van|va) a (?:ir |pasar(?:nos)? )?(?:a |por )?(?:su|tu) (?:casa|trabajo|oficina|domicilio|negocio)|"
          r"(?:mandar|enviar|mandaremos|enviaremos|mandamos|enviamos|mando|envio) (?:a )?(?:alguien|gente|unos|nuestros|cobradores|un cobrador)|presentarnos en|"
          r"embarg\w*|quitar(?:le|te)? (?:la casa|el coche|el carro|el sueldo|sus cosas|tus cosas|los muebles|todo)|incautar|confiscar|requisar|"
          r"(?:llamar|avisar|contar|decir|informar|hablar|llamaremos|avisaremos|informaremos|contaremos|diremos|hablaremos|llamamos|avisamos|informamos)(?:le|les)?(?: a| con)? (?:su|tu|sus|tus) (?:jefe|empresa|trabajo|familia|mujer|marido|esposa|esposo|vecinos|padres|hijos|companeros|familiares)|"
          r"(?:su|tu) (?:jefe|empresa|familia|vecinos|companeros) (?:se van a|se va a|van a|va a) (?:enterar|saber)|todo el mundo (?:se va a|va a) (?:enterar|saber)|"
          r"se (?:va|vas) a arrepentir|(?:te|se) vas? a enterar|ya vera(?:s)?|sabemos donde (?:vive|vives|trabaja|trabajas)|"
          r"(?:le|te) (?:vamos|voy) a (?:hundir|arruinar|buscar|encontrar|hacer la vida imposible)|hacer(?:le|te) la vida imposible|delito|estafa|fraude|antecedentes penales|"
          r"(?:atengase|atente) a las consecuencias|ultimo aviso|queda avisad[oa]|cuidado con lo que|(?:algo|cosas) (?:malo|malas) (?:le |te )?(?:puede|pueden|va a|van a) pasar|vergüenza publica|avergonzar\w*)")
THREAT_COURT_OK = r"\b(?:judicial|juez|jueza|tribunal|juzgado|orden judicial|procedimiento legal|via judicial)\b"
THREAT_TRAP = r"\b(?:(?:pedir|pedirle|pidale|pidele) (?:ayuda |dinero |prestado )?(?:a )?(?:su|tu) (?:familia|pareja|mujer|marido|padres|hermano)|(?:hablarlo|comentarlo|consultarlo) con (?:su|tu) (?:familia|pareja|mujer|marido))"

# --- persona side -------------------------------------------------------------------------------
REASON = (r"\b(?:porque|ya que|debido a|mi (?:coche|carro|auto|marido|mujer|esposa|esposo|hijo|hija|madre|padre|jefe|empresa|negocio|tienda|cliente|amigo|amiga|hermano|hermana|casero|sueldo|nomina|salario|pareja|perro|salud)\b|"
          r"(?:perdi|he perdido|me quede sin|me echaron del|me despidieron del?|estoy sin) (?:el |mi )?(?:trabajo|empleo|curro|chamba)|me (?:despidieron|echaron|han despedido|quede sin)|"
          r"estoy (?:de viaje|fuera|en el extranjero|sin trabajo|en paro|desemplead[oa]|enferm[oa]|en el hospital|hospitalizad[oa]|esperando)|"
          r"(?:se me|me) (?:olvido|olvide|paso)|olvide|(?:le|se lo|se la|les) (?:preste|deje)|preste (?:el dinero|la plata|el prestamo)|"
          r"no me (?:ha|han|habia|habian) (?:pagado|devuelto|ingresado)|no me pagan|me debe|me deben|averia|se (?:me )?(?:averio|estropeo|rompio|descompuso)|"
          r"accidente|operacion|urgencia|emergencia|divorcio|funeral|entierro|gastos medicos|hospital|viaje de (?:trabajo|negocios)|estuve (?:enferm|de viaje|fuera|hospitalizad)|"
          r"(?:lo|la|el pago) (?:mande|envie|hice) a (?:la|otra|una) cuenta|(?:me|nos) (?:redujeron|bajaron|recortaron) (?:las horas|el sueldo)|(?:he|hemos) tenido (?:un|una|unos|unas) (?:gastos|problemas|imprevistos?))")
REASON_TRAP = r"\b(?:no tengo (?:el )?dinero(?: este mes| ahora)?$)"

COMMIT_VERB = (r"\b(?:(?:le|te|se lo|se la|lo|la) (?:pago|pagare|transfiero|transferire|ingreso|ingresare|abono|abonare|deposito|mando|mandare|envio|enviare|hago|hare)|"
               r"pagare|voy a (?:pagar|hacer|transferir|ingresar|abonar|depositar|mandar|enviar)|puedo (?:pagar|hacer|transferir|ingresar|abonar|depositar|mandarle|enviarle)|"
               r"podria (?:pagar|hacer|transferir|ingresar|abonar|depositar)|hare (?:el pago|la transferencia|un ingreso|el ingreso|el deposito)|hago (?:la|el) (?:transferencia|pago|ingreso|deposito)|"
               r"cuente con ello|cuenta con ello|(?:se|te) lo prometo|(?:le|te) prometo|(?:estoy|lo estoy) (?:pagando|haciendo|transfiriendo)|(?:lo )?tendra (?:usted )?(?:el dinero|el pago|en su cuenta)|"
               r"pago (?:el|la|manana|hoy|antes|a las|esta)|transfiero|ingreso (?:el|la|manana|hoy))")
AFFIRM = r"^\s*(?:si|vale|de acuerdo|ok|okay|perfecto|claro|bueno|esta bien|hecho|trato hecho|me parece bien|correcto|exacto|conforme|sin problema|por supuesto|eso es|asi es|entendido|listo|dale|sale|va)\b"
IDENTITY_ANSWER = r"^\s*(?:si|soy yo|el mismo|la misma)\b[,.!]?\s*(?:soy yo|con (?:el|ella) habla|al habla|digame|dime|quien (?:es|llama|habla)|que (?:desea|quiere)|el mismo|la misma)"
PAY_NOW = (r"\b(?:(?:estoy|lo estoy|la estoy) (?:pagando|haciendo (?:la transferencia|el pago|el ingreso)|transfiriendo|ingresando)|"
           r"ahora mismo (?:lo |le |la |se lo )?(?:pago|transfiero|hago|ingreso|mando)|(?:lo |la |le )?(?:pago|transfiero|hago|ingreso|mando) ahora mismo|"
           r"(?:acabo de|ya he) (?:pagar|pagado|hacer|hecho|transferir|transferido|ingresar|ingresado)|en este momento (?:lo |le )?(?:pago|transfiero|hago))")
VAGUE_PAY = (r"\b(?:(?:le|te|lo|la|se lo) (?:pagare|pago)|pagare|voy a pagar|intentare|procurare|(?:lo|le) (?:arreglo|arreglare|soluciono|solucionare)|ya vere|hare lo posible|hare lo que pueda)\b.{0,40}|"
             r"\b(?:cuando pueda|cuando cobre|en cuanto pueda|lo antes posible|pronto|cuanto antes|el mes que viene|la semana que viene|mas adelante|intentare|hare lo posible)\b")
REFUSE = (r"\b(?:no (?:puedo|voy a|pienso|tengo|podre|me es posible|hay manera|hay forma|me alcanza|llego)|imposible|ni hablar|ni loco|ni loca|de ninguna manera|"
          r"olvidese|olvidate|no pagare|no pienso pagar|estoy sin (?:dinero|un duro|blanca|plata)|no tengo (?:ni )?(?:un duro|un peso|nada|dinero|plata|el dinero))")
CLAIMS_PAID = (r"\b(?:ya (?:lo |la |le |se lo )?(?:pague|he pagado|habia pagado|pagamos|hice el pago|hice la transferencia|transferi|ingrese|deposite|abone|esta pagad|lo hice)|"
               r"ya esta pagad[oa]|(?:lo|la) pague (?:el|la|ayer|hace|la semana|en)|(?:hice|realice) (?:el pago|la transferencia|un ingreso|el ingreso) (?:el|ayer|hace|la semana|en)|"
               r"(?:esta|estaba) pagad[oa]|ya (?:esta|estaba) (?:saldad|liquidad)|tengo (?:el|un) (?:comprobante|justificante|recibo)|me (?:lo )?(?:cobraron|cargaron)|(?:el dinero|la plata) (?:salio|se fue) de mi cuenta)")
