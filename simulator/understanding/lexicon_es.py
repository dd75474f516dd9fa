"""Spanish cues for each move, over folded text (lower-case, accents removed: "mañana" -> "manana").

Same names and roles as ``lexicon_en``; covers usted and tú, Spain and Latin America.
"""

W = r"(?:\w+\s+){0,3}"

NEGATION = r"\b(?:no|nunca|jamas|nadie|nada|ningun|ninguna|ninguno|sin|tampoco|ni)\b"
NEGATION_EXEMPT = r"(?:\b(?:no me (?:obligue|obligues|haga|hagas)|si|a menos que|salvo que|hasta que|de lo contrario|o si no|no solo|no solamente|no se preocupe|no te preocupes|por que no)\b|¿\s*(?:y )?no\b)"
HEDGE = (r"\b(?:si todo (?:va|sale) bien|si no pasa nada|no (?:le |te )?(?:prometo|aseguro|garantizo) nada|intentar\w*|intento|lo intento|a lo mejor|quiza|quizas|tal vez|igual|puede que|si puedo|si me es posible|depende|no se|no estoy segur[oa]|creo que|ojala|a ver si|"
         r"probablemente|vere|veremos|procurare|si dios quiere|dios mediante|hacia el|mas o menos|supongo)\b")

PAY = (r"\b(?:pag\w*|abon\w*|transfer\w*|deposit\w*|ingres\w*|liquid\w*|saldar|cubrir|cubra|adelant\w*|aport\w*|regulari[zc]\w*|pon(?:erse|gase|te)? al dia|(?:h?ac|h?ag|h?az|hic)\w* (?:el|un|la|ese|este) (?:pago|ingreso|deposito|transferencia|abono)|hag(?:a|alo|amos)\b|hazlo|hacerlo|lo (?:haga|hagas|hace|haces|puede hacer|podria hacer)\b|dej\w* (?:\w+ )?pagad[oa]|hacer (?:el|un) (?:pago|ingreso|deposito)|"
       r"tener(?:lo)? hecho|dejar(?:lo|la)? pagad[oa]|"
       r"(?:el|la|ese|esa|este|esta|su|tu) (?:importe|cantidad|cuota|monto|saldo|dinero|deuda|plata|recibo)|\$\s?\d|\d+\s?(?:euros|dolares|pesos|€)|mandar(?:me|nos)? el dinero|enviar\w* el dinero)\b")
TODAY = (r"\b(?:hoy(?: mismo)?|esta (?:misma )?(?:noche|tarde|manana)|(?:en cuanto|apenas|nada mas|despues de que|cuando) (?:colguemos|terminemos|cortemos|acabemos)(?: la llamada)?|ahora(?: mismo)?|ahorita|de inmediato|inmediatamente|ya mismo|enseguida|en este momento|en cuanto colguemos|nada mas colgar|"
         r"(?:pago|ingreso|transferencia|deposito) ya|"
         r"antes de(?:l)? (?:mediodia|medio dia|las \d{1,2}|la una|que (?:acabe|termine) el dia|final del dia|cerrar)|antes de las \w+|a lo largo del dia|durante el dia|en la proxima hora|en una hora|"
         r"al mediodia|a mediodia|en el dia de hoy)\b")
REQUEST = (r"\b(?:puede|podria|pudiera|podrias|puedes|necesito|necesitamos|le pido|te pido|les pido|(?:le|te|les) agradeceria|(?:le|te) agradecere|me haria (?:el|un) favor|(?:me |nos )?(?:hace|haces|haria|harias) el favor|(?:seria|serias|sea|seas) tan amable|(?:le|te|les) importaria|si (?:fuera|fueras|es|le es|te es) posible|convendria que|estaria bien que|le sugiero|te sugiero|le recomiendo|te recomiendo|le aconsejo|lo suyo seria|x favor|porfavor|xfa|le ruego|le solicito|tiene que|tienes que|debe|debes|deberia|"
           r"hay que|es necesario|es importante|seria posible|es posible|le parece|te parece|que tal si|quiero que|queremos que|me gustaria que|"
           r"por favor|porfa|haga|hagalo|haz|hazlo|realice|realiza|efectue|pague\w*|(?<!se )paga|pagas|transfiera|transfiere|ingrese|ingresa|abone|abona|deposite|liquide|entre en|entra en|"
           r"lo ideal seria|seria ideal|lo mejor seria|vamos a necesitar|hagamos|le propongo|te propongo|podemos|podemos dejarlo|cuento con|contamos con|tendria que|tendrias que|"
           r"y si|o paga|o pagas|ayudele|ayudale|le importaria|que (?:regularice|pague|haga|lo dejara|lo deje|abone|ingrese|liquide)|"
           r"(?:lo|la) (?:necesito|necesitamos)|le llamo para (?:pedir|solicitar|cobrar)|esperamos (?:el|su|recibir))\b")
PAST_QUESTION = r"\b(?:(?:ha|has|han|habia) (?:hecho|realizado|efectuado|mandado|enviado|transferido|ingresado|depositado|abonado)|ya (?:ha|has|hizo|pago|pagaste)|pago usted hoy|ha pagado|has pagado|como esta|que tal esta|como le va|le llame|te llame|le he llamado|vencio|vence hoy|vencia|se vencio|desde)\b"
# Accented past forms ("¿Pagó hoy?") ask about a payment already made.
PAST_QUESTION_ORIG = r"\b(?:pagó|abonó|transfirió|depositó|ingresó|pagaste|hizo el pago)\b"

CONFIRM_IDENTITY = (r"\b(?:hablo con|estoy hablando con|me comunico con|es usted|eres tu|(?:usted|tu) (?:es|eres)|eres|(?<![a-z] )(?<![a-z])(?:esta|se encuentra)\b|es (?:este |el )?(?:el )?(?:numero|telefono|celular|movil) de|es (?:el|la) (?:senor|senora|senorita|sr|sra|titular)|se encuentra|"
                    r"(?:podria|puedo|quisiera|me gustaria|podrias) hablar con|(?:me|podria) (?:comunica|pasa|comunicar|pasar) con|busco a|estoy buscando a|"
                    r"con quien (?:hablo|tengo el gusto)|esta (?:el|la|don|dona) |(?:el|la) (?:senor|senora) \w+,? por favor|es (?:don|dona) |con (?:el|la) (?:senor|senora|senorita|sr|sra)\b|"
                    r"(?:me )?confirma(?:r)? su (?:nombre|dni|documento|fecha de nacimiento|identidad|cedula)|"
                    r"es este el (?:numero|telefono) de|(?:usted|tu) (?:es|eres) (?:el|la) (?:titular|senor|senora))")
IDENTITY_TARGET = r"\b(?:senor|senora|senorita|sr|sra|srta|don|dona|titular|el cliente|la clienta|[a-z]+ [a-z]+ez)\b"
# A security check meant to confirm the account holder: full name, date of birth, ID document
# ("¿Me confirma su nombre completo y su DNI?", "¿me indica su fecha de nacimiento?", "para verificar su identidad").
IDENTITY_SECURITY = (r"\b(?:(?:confirm|verific|comprob|indic|dig|dic|facilit|proporcion|repet|valid|recuerd)\w*|decir|deme|dame|me da|necesito|cual es)\b[^.?!]{0,30}?"
                     r"\b(?:su|tu) (?:nombre completo|nombre y apellidos?|apellidos|fecha de nacimiento|dni|nie|cedula|documento(?: de identidad)?|"
                     r"numero de (?:documento|identificacion|cedula|dni)|rut|curp|rfc|identidad|ine)\b")
IDENTITY_SECURITY_GATE = r"nombre|apellido|nacimiento|dni|nie|cedula|documento|rut|curp|rfc|identi|\bine\b"
# "hablo con lucia herrera?" in lower case: the two words after the cue (checked against COMMON_WORD).
IDENTITY_LOWER_NAME = r"^\W*(?:(?:hola|ola|buenas|buenos dias|buenas tardes)\W+)?(?:hablo con|es usted|usted es|eres tu|tu eres|estoy hablando con|busco a)\s+([a-z]+ [a-z]+)\W*$"
COMMON_WORD = (r"(?:el|la|los|las|un|una|su|tu|mi|de|del|con|que|es|esta|usted|ustedes|yo|el|ella|aqui|ahi|bien|mal|ahora|hoy|manana|senor|senora|don|dona|"
               r"consciente|capaz|seguro|segura|serio|seria|titular|persona|numero|telefono|cliente|mismo|misma|\w+ando|\w+iendo|\w+mente)")
IDENTITY_TRAP = r"\b(?:(?:bien|mal|ocupad\w*|dispuest\w*|segur\w*|consciente|capaz|list[oa]|de acuerdo|claro|tarde|noche|manana|semana|vez|cuenta|llamada|usted (?:bien|segur|ocupad|dispuest))\b|esta (?:tarde|noche|manana|semana|vez|cuenta|llamada)|es usted consciente|es usted capaz|se encuentra bien|esta (?:bien|ocupad|dispuest|segur)|es (?:un buen momento|serio|broma)|es usted consciente)\b"

IDENTIFY_SELF = (r"\b(?:soy \w+(?:,)? (?:de|del|desde)|me llamo|mi nombre es|me presento|le (?:llamo|llamamos|hablo|habla|contacto) (?:de|desde|en nombre|por parte)|"
                 r"te (?:llamo|llamamos|hablo|habla) (?:de|desde|en nombre|por parte)|le habla \w+|te habla \w+|le atiende \w+|te atiende \w+|(?:llamo|llamamos) (?:de|desde|en nombre|por parte)|"
                 r"(?:^|, )(?:habla|aqui) \w+,? (?:de|del|desde)|soy yo otra vez,? \w+|"
                 r"somos (?:de|del) |(?:soy|trabajo) (?:de|del|en|para) (?:la |el )?(?:departamento|area|financiera|banco|entidad|empresa|servicio|financiera \w+)|"
                 r"(?:de|por) parte de (?:la |el )?(?:financiera|banco|entidad|empresa|departamento|creditos|[A-Za-z]+ (?:credit|financ))|en nombre de (?:la |el )?\w+|"
                 r"soy (?:el|la) (?:gestor|gestora|asesor|asesora|agente|responsable|encargad[oa])|(?:le|te) saluda \w+|(?:le|te) (?:llama|escribe) \w+,? (?:de|del|desde)|"
                 r"trabajo (?:en|para) (?:el |la )?(?:area|departamento|equipo|seccion|oficina)|formo parte del (?:area|departamento|equipo)|soy \w+,? (?:su|tu) (?:gestor|gestora|asesor|asesora|agente))")
# "Soy Marta" / "Habla Mauricio": the word after it must be a capitalised name in the original text.
IDENTIFY_SELF_NAME = r"\b(?:soy|habla|aqui|le atiende|te atiende|le saluda|te saluda|le llama|te llama|le escribe|te escribe)\s+([a-z]+)\b"
IDENTIFY_SELF_NOT_NAME = (r"^(?:Correcto|Verdad|Cierto|Exacto|Seguro|Segura|Perdona|Disculpe|Aló|Diga|Dígame|Listo|Entendido|Hecho|Tarde|Noche|Efectivo|Tarjeta|Transferencia|Algo|Nada|Alguien|Nadie|Quién|Cuánto|Cuál|Ahora|Ya|Yo|El|La|Los|Las|Su|Un|Una|De|Del|Sí|Si|No|Hoy|Mañana|Lunes|Martes|Miércoles|Jueves|Viernes|Sábado|Domingo|Hola|Buenas|Buenos|Vale|Perdón|Perdone|Oiga|"
                          r"Qué|Cómo|Cuándo|Dónde|Por|Para|Usted|Señor|Señora|Don|Doña|Ok|Gracias|Bueno|Claro|Entonces|Y|O)$")
IDENTIFY_SELF_COMPANY = r"(?: [a-z]+)?(?: otra vez)?,? (?:(?:el|la|su|tu) )?(?:[a-z]+ ){0,3}(?:de|del|desde)\b"
IDENTIFY_SELF_TRAP = r"\b(?:soy (?:de|del) (?:madrid|barcelona|mexico|aqui)|de parte de quien)\b"

DEBT = (r"\b(?:deuda|deudas|debe|deben|adeuda|adeudad[oa]|atrasad[oa]s?|atraso|vencid[oa]s?|retraso|retrasad[oa]|mora|moros[oa]|impag[oa]s?|sin pagar|sin entrar|"
        r"(?:saldo|importe|pago|cuota|cantidad|recibo|monto)s? pendientes?|pendientes? de pago|"
        r"no (?:ha|han|se ha|se han|hemos) (?:pagado|cobrado|recibido|abonado|realizado|registrado|entrado|llegado)|no (?:se|nos) (?:ha|han) (?:pagado|cobrado|llegado)|"
        r"no se (?:pago|pagara|pagaron|hizo|realizo) (?:la|el|los|las)|venci(?:a|o|do) (?:hoy|ayer|el|la)|saldo (?:pendiente|deudor|vencido)|"
        r"(?:lleva|llevas|llevan) (?:\w+ )?(?:dias|semanas|meses) sin pagar|devuelt[oa]s?|rechazad[oa]|incumpli\w*|"
        # what is left to pay: "quedan por pagar 1.250,50", "le quedan 300 euros pendientes", "falta por pagar"
        r"quedan? (?:por pagar|pendientes?)|(?:le |te |nos )?falta(?:n)? (?:por )?(?:pagar|abonar)|(?:euros|pesos|dolares|soles|\d) pendientes?|"
        # the payment never arrived: "la cuota de marzo nunca llegó", "su pago sigue sin llegar", "nos devolvieron el recibo"
        r"(?:pago|cuota|transferencia|recibo|ingreso|deposito|abono|mensualidad|domiciliacion|cargo)s?\b[^.?!]{0,30}?\b(?:nunca (?:llego|entro|se (?:recibio|cobro|hizo))|"
        r"(?:sigue|siguen|continua|esta|estan) sin (?:llegar|entrar|pagar\w*|aparecer|reflejarse|abonarse)|(?:todavia|aun) no (?:ha |nos ha |me ha |se ha )?(?:llegado|entrado|aparecido|reflejado|recibido))|"
        r"(?:nos|me) (?:devolvieron|han devuelto|rechazaron|han rechazado|rebotaron) (?:el|la|su|los|las)|rebot(?:o|ado)|"
        r"(?:todavia|aun) no (?:hemos|he) (?:recibido|visto) (?:su|el|la|ningun)|(?:el|la|ese|este) (?:retraso|atraso) (?:en|de|con) (?:el|la|su) (?:pago|cuota))\b")
# General or hypothetical wording that shares those words but is not about this debt (masked out first).
DEBT_MASK = (r"\b(?:cualquier (?:saldo|importe|deuda|pago|cuota|recibo) (?:vencid|atrasad|impagad|pendiente)\w*|si (?:sigue|continua|queda) (?:sin pagar|impagad\w*|pendiente|vencid\w*)|(?:cada|por cada|por) (?:dia|semana|mes)s? (?:de (?:retraso|atraso|mora|demora)|que (?:sigue|pasa|pase)\b)|sobre (?:lo|el|los|las) (?:importes? )?(?:vencid|atrasad|impagad)\w*|(?:a|en) (?:los|las|todos los|todas las) (?:saldos|cuentas|importes|deudas|pagos|cuotas|clientes) (?:vencid|atrasad|impagad|moros)\w*|se me hace tarde|llego tarde|mas tarde|debe (?:de )?ser|debe estar|me debe una|como debe|intereses? (?:de )?(?:mora|demora)|(?:comision|recargo)(?:es)? por (?:impago|demora|retraso)|"
             r"por (?:un|una) (?:pago|cuota|deuda) (?:atrasad[oa]|vencid[oa])|si (?:sigue|continua) sin pagar|moros[oa] de mierda|(?:fichero|lista|registro) de morosos|al corriente|estar pendiente|"
             r"lo (?:que|de) deben? (?:hacer|ser)|devolver(?:me|le)? la llamada)\b")
DEBT_TRAP = r"$^"

ASK_WHEN = (r"\b(?:cuando (?:(?:me |nos |lo |la )?(?:puede|podria|podra|va a|piensa|cree que|cree q|podras|puedes|vas a|pagara|pagaria|paga|pagas|hara|haria|tendra|tendria|estima|calcula|tiene pensado|estaria en condiciones|(?:le|te) viene bien|(?:le|te) vendria bien))|"
            r"(?:para )?cuando (?:podemos|podriamos) (?:esperar|contar)|(?:que|cual) (?:fecha|dia) (?:le|te|les) (?:vendria|viene|va|iria|queda|quedaria|conviene|convendria)(?: bien| mejor)? (?:para|pagar)|(?:digame|dime|me dice|me puede decir|sabe|sabes|tiene idea|tienes idea|alguna idea de) (?:mas o menos )?(?:cuando|para cuando) (?:\w+ ){0,3}?(?:pag\w*|abon\w*|ponerse al dia|hacer el pago|tendr\w*)|que dia (?:puede|podria|va a|le viene|piensa)|(?:en )?que fecha (?:me )?(?:puede|podria|va a|piensa|cree)|"
            r"para cuando (?:puede|podria|tendra|tendria|lo|la|cree|seria)|cuanto tiempo (?:necesita|tardara|le llevara)|cuando cree que|cuando exactamente\?)")
ASK_WHEN_MASK = r"\b(?:no (?:sabe|se|sabes) (?:cuando|para cuando))\b"

ASK_REASON = (r"\b(?:que (?:le |te |les )?(?:ha )?(?:paso|pasado|sucedio|sucedido|ocurrio|ocurrido)\b|que paso|que ocurrio|que sucedio|"
              r"por ?que (?:no|motivo|razon|ha|esta|se|sigue|lleva)(?! (?:le|te) (?:dice|pide|llame))(?! (?:lo |la |se lo |se la )?(?:paga|pagas|pague) (?:usted|tu))|por ?que\?|cual (?:es|fue|ha sido) (?:el|la) (?:motivo|razon|problema|causa|inconveniente|situacion)|"
              r"que (?:le|te|les) (?:impide|impidio|detiene|frena|ha impedido)|que (?:problema|inconveniente|dificultad) (?:tiene|tuvo|hubo|ha tenido|tienes)|"
              r"a que se debe|que (?:esta|estas) pasando|que pasa\b|que ha pasado|hubo (?:algun|alguna) (?:problema|inconveniente|imprevisto)|ha (?:habido|tenido) (?:algun|alguna) (?:problema|inconveniente|imprevisto)|"
              r"por que motivo|como es que|(?:me puede|podria|puede|me podria) (?:contar|explicar|decir) (?:que (?!(?:me |nos )?(?:llame|devuelva|contacte|marque|escriba)|se (?:comunique|ponga))|por que|el motivo|la razon|mas)|cuenteme|cuentame|expliqueme|explicame|"
              r"a quien (?:le )?(?:presto|dejo)|cuando (?:vuelve|regresa|vuelves|regresas) (?:de|del)|cuanto (?:tiempo )?(?:va a estar|estara) (?:fuera|de viaje)|"
              r"cuando (?:le|te) (?:paga|pagan|pagara|devolvera|devuelve) (?:su|tu|el|la)|(?:su|tu) (?:cliente|amigo|amiga) (?:cuando|le ha|te ha)|"
              r"(?<!siento que )(?<!siento que se )(?:esta|estas) (?:teniendo|pasando por) (?:problemas|dificultades|un mal momento)|(?:ha|has) (?:perdido|tenido)|que tipo de|como (?:esta|va) (?:su|tu) situacion|"
              r"cual es su situacion|que (?:le|te) (?:ayudaria|haria falta)|"
              r"(?:xq|x que|porq|pq) (?:no|motivo)|que (?:es lo que )?(?:le|te) (?:complica|dificulta|frena|impide)\b|desde cuando (?:esta|estas|lleva|llevas)|"
              r"cuanto (?:tiempo )?(?:van a tardar|tardan|va a estar|estara)|cuando (?:vuelve|regresa)(?: exactamente)? de|esperaba (?:algun|algo de|un) (?:dinero|pago|ingreso)|"
              r"(?:el seguro|su seguro) no (?:le |te )?cubre|"
              # what is in the way: "¿hay algo que le impida pagar?", "¿es un problema de ingresos o se le pasó la fecha?"
              r"algo que (?:le|te) (?:impid\w*|imped\w*|dificult\w*|frene|este (?:impidiendo|frenando))|que (?:le|te|les) (?:impid\w*|imped\w*)|se (?:le|te) (?:paso|olvido) (?:la fecha|el pago|pagar|el dia)|"
              r"(?:es|fue|ha sido|hay|tiene|tuvo) (?:un|algun) problema (?:de|con) (?:ingresos|dinero|trabajo|el banco|la cuenta|la tarjeta|salud)|"
              # probes on the reason given: "¿cuánto tiempo va a durar la reparación?", "¿a quién se lo prestó?", "¿dónde está de viaje?"
              r"cuanto (?:tiempo )?(?:(?:le |te )?(?:va|van) a )?(?:durar|tardar|llevar|dura|tarda|lleva|durara|tardara)\b|a quien (?:se lo |se la |le |lo |la )?(?:presto|dejo)|donde (?:esta|estas) (?:de viaje|trabajando|ingresad)|(?:es|era|sea|fue) el motivo|cuanto (?:le|te) (?:costo|cobraron|salio))")
ASK_REASON_TRAP = (r"\b(?:que (?:ha )?(?:paso|pasado|pasa) (?:con|en) (?:el|la|los|las|su|tu) (?:partido|tiempo|clima|numero|telefono|futbol|juego|fiesta|boda|serie|final|liga|linea|correo|app|pagina)|que tal el tiempo|en que (?:le|te) puedo ayudar|que (?:le|te) pasa al telefono|que clase de (?:idiota|persona|imbecil)|"
                   r"por que no (?:le |lo |la |se )?(?:\w+(?:amos|emos|imos)|pide|paga|intenta|usa|prueba|habla)\b)")

CONSEQUENCE = {
    "late_fees": (r"\b(?:intereses? (?:de demora|moratorios?|de mora|de penalizacion|adicionales|de retraso)|recargos?|penalizaci(?:on|ones)|gastos (?:de|por) (?:demora|impago|gestion|cobro|reclamacion|devolucion)|"
                  r"comision(?:es)? (?:por|de) (?:impago|demora|reclamacion|retraso|devolucion)|cargos? (?:adicionales|por mora|por demora|por retraso)|multas?|"
                  r"(?:la deuda|el importe|la cantidad|lo que debe) (?:va a |seguira |sigue )?(?:crecer|aumentar|subir)|(?:pagar|pagara|pague) (?:mas|un poco mas)|(?:le|te) (?:saldra|costara) mas (?:caro)?|intereses)"),
    "credit_record": (r"\b(?:historial (?:crediticio|de credito)|buro(?: de credito)?|asnef|equifax|experian|centrales? de riesgos?|veraz|datacredito|infocorp|dicom|consultan (?:estos|los) registros|(?:fichero|lista|registro|listado) de (?:morosos|impagados)|"
                      r"central de (?:riesgos|informacion)|informacion crediticia|calificacion crediticia|puntuacion crediticia|score crediticio|reportad[oa]|reportar\w*|"
                      r"(?:su|tu) (?:historial|calificacion|puntuacion)|antecedentes crediticios|(?:mal|malos) (?:historial|antecedentes)|informacion de credito)"),
    "future_credit": (r"\b(?:(?:dificil|complicado|imposible|mas dificil|muy dificil) (?:(?:que le|que te) (?:den|concedan|aprueben)|conseguir|obtener|acceder a|pedir|solicitar) (?:un |otro |nuevos? |ningun |una )?(?:credito|prestamo|hipoteca|financiacion|financiamiento|tarjeta)|"
                      r"no (?:le|te) (?:daran|van a dar|concederan|aprobaran|prestaran|van a prestar|van a conceder)|futuros? (?:creditos?|prestamos?|solicitudes|financiacion)|"
                      r"(?:le|te) (?:negaran|rechazaran|denegaran|cerraran las puertas)|otras (?:entidades|instituciones|financieras)|(?:pedir|solicitar|conseguir) (?:una )?hipoteca|comprar (?:una casa|un coche|un auto)|"
                      r"(?:nuevos?|otro) (?:credito|prestamo)s?|(?:acceso al|acceder al) credito|ningun banco|"
                      r"(?:negar|negarle|rechazar)(?:le)? (?:un |el |futuras? |cualquier )?(?:prestamo|credito|solicitud)\w*|(?:le|te) va a costar que (?:le|te) (?:aprueben|den|concedan)|"
                      r"nadie (?:le|te) va a (?:dar|prestar|conceder)|bloquear la tarjeta|(?:dificult|complic)\w* (?:\w+ )?(?:conseguir|obtener|acceder a|pedir|solicitar|que (?:le|te) (?:den|aprueben|concedan))|"
                      r"(?:le|te) (?:costara|va a costar|sera (?:mas |muy )?dificil|resultara (?:mas |muy )?dificil) (?:mucho )?(?:conseguir|obtener|que (?:le|te) (?:den|aprueben|concedan)|acceder a)|"
                      r"(?:los bancos|las entidades|las financieras) (?:consultan|miran|revisan|ven) (?:esos|estos|los|sus) (?:registros|ficheros|datos|historiales))"),
    "legal": (r"\b(?:(?:departamento|area) (?:juridico|legal|de recobro|de recuperacion)|via (?:judicial|legal)|(?:acciones|proceso|procedimiento|reclamacion|demanda) (?:judicial|legal)(?:es)?|"
              r"abogados?|demanda|juzgado|tribunal(?:es)?|juicio|un juez|el juez|costas|agencia de (?:cobro|recobro)|empresa de recobro|recobro|monitorio|procedimiento judicial|"
              r"(?:pasar|pasara|pase|remitir|remitira|trasladar|enviar|enviara|escalar)(?:lo|la|se)? (?:el caso |su caso |la cuenta |su expediente |el expediente )?(?:a|al) (?:nuestro |el |la )?(?:departamento|area|abogados|juridico|legal|recobro|agencia))"),
}

_AYUDA = r"(?:familiar|familia|amigo|amiga|amigos|conocido|pariente|hermano|hermana|pareja|esposa|esposo|marido|mujer|madre|padre|padres|hijo|hija|primo|prima|tio|tia|jefe|alguien)"
FUNDING = (r"\b(?:"
           # helper after the verb: "¿no le puede echar una mano su hermano?", "¿hay alguien que le pueda prestar?"
           rf"(?:le |te )?(?:puede|podria|pueda|podrian|pueden|quiere|querria) (?:echar(?:le|te)? una mano|ayudar\w*|prestar\w*|adelantar\w*|dejar\w*)\b[^.?!]{{0,20}}?\b(?:su|tu|algun|alguna|un|una) {_AYUDA}|"
           rf"(?:hay|tiene|tienes|conoce|conoces)(?: a)? (?:alguien|algun {_AYUDA}|algun \w+) (?:que|quien) (?:le|te) (?:pueda|podria|preste|ayude|adelante|eche|deje)|"
           r"(?:un|el|algun) (?:adelanto|anticipo)|pedir(?:le)? (?:un )?(?:adelanto|anticipo|prestamo)|"
           r"pedir(?:lo|le|selo)? prestado|pedirselo prestado|pidiendo prestado|pidalo prestado|pidelo prestado|prestamo de|"
           r"(?:pedir|pedirle|pidale|pida|pidele|preguntar|preguntarle)(?:selo)? (?:(?:ayuda|dinero|prestado) )?a (?:algun|un|una|su|tu) (?:familiar|amigo|amiga|conocido|pariente|hermano|hermana|pareja|madre|padre|jefe)|"
           r"(?:su|tu|algun|un) (?:familiar|amigo|amiga|hermano|hermana|pareja|esposa|esposo|marido|mujer|madre|padre|familia)(?: o (?:un |algun )?\w+)?(?: no)?(?: le| te| se lo| se la| lo| la)* (?:puede|podria|pueda|ayude|preste|presta|adelante|cubra|tiene acceso|devolver)|"
           r"(?:pedirselo|pedirlo|pedirle) a otra persona|(?:le|te) pide a (?:su|tu) \w+ que|"
           r"pagar (?:una |al menos una |aunque sea una )?(?:parte|porcion)|pago parcial|pago a cuenta|una parte|la mitad|algo (?:hoy|ahora|de dinero|a cuenta)|aunque sea \d+|algo es algo|"
           r"ahorros?|(?:con|mediante) (?:la |una |su |tu |otra )?tarjeta|otra tarjeta|(?:transferencia|pago) (?:online|por internet|desde el movil|por la app)|banca (?:online|movil|por internet|electronica|en linea)|"
           r"(?:por|en|desde) la app|entr[ae] en la app|ventanilla|sucursal|cajero|oxxo|oficina de correos|devolucion de (?:hacienda|impuestos)|aguinaldo|acceso a la cuenta|"
           r"desde (?:donde (?:esta|estas)|el movil|su movil|tu movil|la app|el telefono|el hotel|alli|alla|el extranjero)|adelanto (?:de|del) (?:sueldo|nomina|salario)|vender|"
           r"plan de pagos|fraccionar|cuotas mas pequenas|lo que (?:pueda|puedas)|una cantidad menor|(?:alguien|otra persona) (?:que )?(?:le|te)? ?(?:preste|pague|adelante)|"
           r"(?:contacto|datos) de (?:su|tu) amigo|reunir el dinero)\b")
FUNDING_TRAP = r"\b(?:(?:si|como|donde|cuando) (?:lo |la )?(?:pago|hizo|realizo|pagaste|hiciste)\b|(?:fue|era) (?:el \w+ )?(?:completo|total)|o solo una parte|ya se (?:descargo|bajo|instalo)|lo pago|lo hizo|pago usted|cuando (?:le|te) va a devolver)\b"

PRESS = (r"\b(?:a que hora|que hora|que dia (?:de esta semana|exactamente|concreto)|que dia exacto|(?:deme|dime|digame|me da|me puede dar) (?:una|la|un) (?:hora|fecha|dia)|"
         r"(?:hora|fecha|dia) (?:concreta|concreto|exacta|exacto|especifica|especifico|fija|fijo|limite)|(?:se|te) compromete|(?:se|te) comprometes|compromiso|me lo (?:promete|prometes|asegura|aseguras|garantiza)|"
         r"puedo contar con|(?:hoy|manana) (?:antes|a las)|como muy tarde|a mas tardar|hoy mismo o|le parece bien (?:hoy|manana|a las|el)|"
         r"(?:quedamos|dejamos|ponemos) (?:en )?(?:manana|hoy|a las|el)\b.{0,30}\?|que le parece (?:manana|hoy|a las|el)|(?:manana|hoy) a primera hora\?|"
         r"(?:antes de|a) las \d{1,2}\b.{0,15}\?|(?:antes del|al) mediodia\b.{0,15}\?|puede (?:hacerlo|hacer el pago|pagar) (?:antes de|a las|manana)|cual le viene mejor|que le viene mejor|"
         r"(?:necesito|quiero) (?:una|un) (?:fecha|dia|hora)|un dia y una hora|(?:la )?hora mas tarde|cual de los dos|confirmar(?:me)? una (?:hora|fecha)|"
         r"(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo) o (?:el )?(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)|(?:por la )?manana o (?:por la )?tarde|"
         r"(?:sobre|a eso de) que hora|en que momento|concretemos|pongamos una fecha|fijemos|manana o pasado(?: manana)?|(?:el )?\d{1,2} o (?:el )?\d{1,2}\b|"
         r"(?:lo|la|le|te) (?:apunto|anoto|pongo|agendo) para|(?:quedamos|ponemos) (?:entonces )?para)")

# "¿Qué hora es allí?" asks the clock; "Le llamo mañana a las 10" announces a call.
PRESS_MASK = r"\b(?:que hora (?:es|son|tiene(?:s)?)|(?:le|te|lo|la) (?:llamo|llamare|vuelvo a llamar|marco|contacto|escribo)|(?:vuelvo|volvere) a llamar)\b.*"
# "Hoy o mañana, ¿qué le viene mejor?" is still a today-or-tomorrow choice.
PRESS_CHOICE = r"\b(?:cual|que) (?:le|te|les) (?:viene|va|conviene|queda|vendria|iria) mejor\b.*"
CONFIRM = (r"\b(?:para confirmar|(?:le|te) confirmo|confirmo|confirmamos|confirmado|quiero confirmar|(?:le|te) repito|repito|resumiendo|recapitulando|en resumen|anotado|como quedamos|"
           r"entonces[:,]? \$?\d|entonces,? (?:quedamos|queda|son|usted (?:paga|pagara|va a pagar|hara|realizara)|tu (?:pagas|pagaras|vas a pagar)|(?:me|nos) (?:paga|pagara|transfiere|ingresa)|el pago|seria|manana|hoy|el \w+)|"
           r"quedamos (?:asi|entonces|en|de acuerdo)|queda(?:mos)? (?:acordado|registrado|anotado)|"
           r"(?:queda|quedo|dejo|lo dejo|le dejo|te dejo|ya esta|ya lo tengo|lo tengo) (?:(?:su|tu|el) pago |usted |todo )?(?:agendad|programad|apuntad|anotad|registrad|acordad|fijad|pactad|cerrad)[oa]s?|(?<!¿)(?:lo|le|te|se lo|se la) (?:anoto|dejo anotado|dejo registrado|apunto|registro|agendo|programo)|dejo (?:anotado|registrado|apuntado)|anoto su|tomo nota|dejo constancia|"
           r"o sea,? que|su compromiso es|de acuerdo,? entonces|perfecto,? entonces|(?:de acuerdo|bien|perfecto|vale|ok|muy bien),? (?:el|para el) (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo|dia \d)|"
           r"(?:es|seria) correcto\?|(?:es )?correcto\?|verdad\?|es asi\?|lo tengo anotado|(?:lo|la) pongo en (?:su|el) expediente|"
           r"quedo a la espera|esperamos (?:su|el) pago (?:manana|hoy|el)|(?:usted|tu) (?:me )?(?:paga|pagara|vas a pagar|va a pagar|transfiere|transferira)\b.{0,50}\b(?:verdad|correcto|cierto)|tenemos un (?:acuerdo|trato))")
# A confirmation tag ("…, ¿correcto?") does not make a recap a press for a time.
CONFIRM_TAG = r"\b(?:es correcto|correcto|verdad|cierto|es asi|de acuerdo|vale|ok)\s*\?"
# A sentence that is nothing but a tag belongs to the sentence before it.
TAG_ONLY = r"\W*(?:es correcto|correcto|verdad|cierto|es asi|de acuerdo|vale|ok|si)\W*"
# Recaps that need a time in the same sentence to count.
CONFIRM_NEEDS_TIME = r"\b(?:entonces,? (?:usted|tu|el pago|me|nos)|o sea|(?:es |seria )?(?:correcto|verdad|cierto|es asi)\?|(?:de acuerdo|bien|perfecto|vale|ok|muy bien),? (?:el|para el))"
CONFIRM_TRAP = r"\b(?:no sabe|direccion|correo|e-?mail|telefono|numero de (?:telefono|movil|celular)|codigo postal|fecha de nacimiento|(?:usted|tu) (?:es|eres) (?:el|la|su|tu))\b"
CONFIRM_MASK = r"\b(?:(?:le|te) (?:llamo|llamare) para confirmar|(?:le|te)? ?confirm\w* (?:su|tu|el|la) (?:numero|telefono|direccion|correo|email|nombre|fecha de nacimiento|dni|identidad)\b.*|entiendo que (?:usted|tu) (?:es|eres)\b.*)"
CONFIRM_NEEDS_TIME = r"\b(?:entonces,? (?:usted|tu|el pago|me|nos)|(?<!¿)(?:lo|le|te|se lo|se la) (?:anoto|apunto|registro|agendo|programo))"

EMPATHY = (r"\b(?:(?:lo )?entiendo|(?:le |te )?comprendo|lo siento|lo lamento|siento (?:mucho|oir|escuchar|que)|lamento|que pena|que mal|que agobio|que faena|"
           r"(?:debe|deben|tiene que|tienen que|ha tenido que|han tenido que|habra|habran)(?: de)? (?:ser|estar|haber sido) (?:\w+ ){0,3}?(?:muy |tan |bastante )?(?:dificil|dur[oa]|complicad[oa]|estresante|agobiante|terrible|horrible)s?\b|(?:me|lo) imagino|me hago cargo|(?:le|te) agradezco|"
           r"gracias por (?:contarme|explicarme|su sinceridad|tu sinceridad|ser sincer|decirmelo)|es (?:comprensible|normal|logico)|no es facil|(?:anda|andas|esta|estas) just[oa]|"
           r"perdone,? no queria|no queria (?:molestar|ofender)|vaya (?:semana|mes|racha|dia)|"
           r"que situacion (?:tan |mas )?(?:dificil|complicada)|situacion (?:mas |tan )?(?:dificil|complicad[oa]|dur[oa])|(?:momento) (?:dificil|complicad[oa]|dur[oa])|cuanto lo siento|"
           r"(?:no es|no debe (?:de )?ser|no sera) (?:una |un )?(?:\w+ )?(?:facil|agradable|comod[oa]|plato de buen gusto)|"
           # "ya sé que el dinero no alcanza", "sé que las cosas están difíciles"
           r"(?:ya )?se que (?:\w+ ){0,4}?(?:no (?:le |te )?(?:alcanza|llega|es facil|sobra)|(?:es|esta|son|estan|anda|andan) (?:muy |un poco )?(?:dificil|dur|complicad|mal|just|apretad))\w*|que mala (?:suerte|racha)|vaya (?:por dios|faena))")
EMPATHY_TRAP = r"\b(?:entiendo que (?:usted )?(?:debe|tiene una deuda|no ha pagado))\b"
EMPATHY_MASK = r"\b(?:entiendo que (?:usted|tu) (?:es|eres)|(?:aceptar|hacer|permitir),? lo siento)\b"
EMPATHY_TRAP = r"\b(?:entiendo que (?:usted )?(?:debe|tiene una deuda|no ha pagado))\b"

VERIFY = {
    "amount": r"\b(?:(?:fue|era) (?:el (?:importe|pago|monto) )?(?:completo|total|entero)|(?:completo|total) o (?:solo )?(?:una )?parte|cuanto (?:pago|ha pagado|has pagado|transfirio|abono|ingreso|deposito|fue|era|dinero)|(?:que|cual fue el|cual es el) (?:importe|cantidad|monto)|(?:el )?importe (?:exacto|que|del pago)|la cantidad (?:exacta|que)|por que importe|fue el total)",
    "date": r"\b(?:(?:que|cual) (?:dia|fecha)\b(?: \w+){0,3}? (?:salio|se hizo|se realizo|se cobro|se cargo|se envio|mando|envio|transfirio|deposito|ingreso)\b|a que hora (?:del \w+ )?(?:lo|la) (?:hizo|pago|transfirio|mando)|cuando (?:pago|hizo el pago|lo pago|la pago|transfirio|realizo|hizo la transferencia|fue (?:el pago|eso)|lo hizo|deposito|ingreso|pagaste|hiciste)|que (?:dia|fecha) (?:pago|hizo|realizo|fue|lo|la|hiciste|pagaste|transfirio)|fecha (?:del|de la) (?:pago|transferencia|ingreso)|en que fecha)",
    "channel": (r"\b(?:(?:como|por que medio|por donde|de que forma|de que manera|por que via) (?:lo |la )?(?:pago|ha pagado|hizo|realizo|pagaste|hiciste|transfirio|envio)|"
                r"a que (?:cuenta|banco|numero)|(?:que|cual|cual es la) (?:cuenta|banco|metodo|referencia|tarjeta|numero de cuenta)|desde que (?:cuenta|banco)|"
                r"comprobante|justificante|recibo (?:de pago|del pago|de la transferencia)|numero de (?:la )?(?:operacion|referencia|transaccion|transferencia|confirmacion|autorizacion)|(?:codigo|folio|clave) de (?:la )?(?:operacion|transferencia|rastreo|autorizacion)|transferencia,? (?:efectivo|bizum|tarjeta)|(?:bizum|efectivo|tarjeta) o|iban|"
                r"a (?:q|que) cuenta|a nombre de quien|cuenta terminada en|(?:lo|la) (?:hizo|pago|realizo) (?:por|en|desde) (?:internet|telefono|ventanilla|la app|el banco|la banca|cajero|efectivo)|"
                r"(?:por|en) (?:internet|ventanilla|la app|cajero|telefono) o (?:por|en)|fue a la cuenta|"
                r"(?:lo|la) (?:pago|hizo|deposito|ingreso) (?:en|por|con|desde) (?:el |la |una |un )?(?:oxxo|banco|sucursal|tienda|cajero|efectivo|tarjeta|transferencia|bizum|paypal|app|ventanilla)|"
                r"(?:el dinero|el cargo|el pago|la transferencia) (?:ya )?(?:salio|se desconto|se cargo|se reflejo|aparece)\b[^.?!]{0,30}\bo (?:sigue|esta|aparece)|o (?:sigue|esta|aparece) (?:como )?pendiente)"),
}
VERIFY_CONTEXT = r"\b(?:pag\w*|transfer\w*|ingres\w*|deposit\w*|abon\w*|cuenta|banco|comprobante|recibo|justificante|operacion|lo|la|fue|hizo)\b"
VERIFY_FUTURE = r"\b(?:va a|vas a|van a|pagara|pagaras|hara)\b"

CALLBACK = (r"\b(?:cuando (?:puedo|podria|podemos|podre) (?:localizarl|llamarl|encontrarl|hablar con|contactar|ubicarl|llamar)|"
            r"a que hora (?:puedo|podria|esta|estara|vuelve|llega|regresa|suele estar|sale|termina|lo encuentro|la encuentro|le encuentro)|"
            r"cuando (?:vuelve|regresa|llega|estara|esta|suele estar|lo encuentro|la encuentro)|(?:lo|la|le) encuentro\b|suele estar|"
            r"(?:digale|dile|pidale|pidele|comuniquele|comunicale|avisele|avisale)(?: por favor)? (?:que )?(?:me |nos )?(?:llame|devuelva|se comunique|contacte|se ponga en contacto)|"
            r"devolver(?:me)? (?:la|mi) llamada|(?:dejar|dejarle|dejo) (?:un )?(?:recado|mensaje)|que me llame|que nos llame|que se ponga en contacto|"
            r"(?:celular|movil|telefono|numero) (?:donde|en el que) (?:la|lo|le) (?:pueda|puedo) (?:ubicar|localizar|llamar|encontrar)|"
            r"(?:hay|tiene) (?:otro|algun) (?:numero|telefono)|(?:mejor|buen) momento para (?:llamarl|localizarl|hablar con|contactar)|le (?:dejo|doy) mi (?:numero|telefono)|"
            # relayed requests: "¿le puede decir que me devuelva la llamada?", "¿le deja el mensaje de que me llame?"
            r"(?:(?:le|se lo) (?:puede|podria|podrias|puedes|quiere|quisiera|importaria) (?:decir|pedir|comentar|avisar|transmitir|dejar dicho)|(?:le|se lo) (?:dice|pide|comenta)|"
            r"(?:le )?deja (?:el |un )?(?:recado|mensaje)(?: de)?|transmitale|transmitele|recuerdele|recuerdale|dejele dicho)(?: por favor)?,? (?:que )?(?:me |nos )?(?:llame|devuelva|se comunique|contacte|se ponga en contacto|marque|escriba|telefonee)|"
            # when/where to reach: "¿cuándo es mejor para hablar con él?", "¿qué día es mejor para encontrarla?", "¿a qué hora suele llegar?"
            r"(?:cuando|que dia|a que hora|que hora|en que momento|donde)(?: (?:es|seria|sera))?(?: (?:mejor|buen momento|bueno|mas facil|conveniente))? (?:para|de) (?:llamarl|localizarl|encontrarl|hablar con|contactar|ubicarl|pillarl)|"
            r"a que hora (?:suele|acostumbra a) \w+|suele (?:estar|llegar|volver|regresar|salir)|"
            r"(?:cuando|donde|como|a que hora|en que numero) (?:(?:lo|la|le) )?(?:puedo|podria|podre|podemos)(?: (?:lo|la|le))? (?:encontrar|localizar|llamar|ubicar|pillar|contactar|hablar)\w*)")
CALLBACK_MASK = r"\b(?:gracias por (?:devolverme|devolver) la llamada|(?:le|te) (?:vuelvo a llamar|llamo (?:mas tarde|luego)))\b"

THIRD_PARTY_PAY = (r"\b(?:(?:podria|puede|quiere|podrias|puedes|quisiera|seria posible que) (?:usted |tu )?(?:pagar|abonar|cubrir|hacerse cargo|adelantar|saldar|asumir)(?:la|lo|le|se)?\b.{0,40}(?:por (?:el|ella)|en su (?:lugar|nombre)|en nombre de|usted|tu|de su bolsillo)|"
                   r"(?:que|si) (?:usted|tu) (?:\w+ )?(?:pag|cubr|abon|adelant|sald|liquid|asum|se hic|se hag)\w*|(?:usted|tu) (?:no )?(?:podria|puede|podrias|puedes) hacerse cargo|"
                   r"pagarl[ao] usted|pagar usted\b|ayudarle a pagar|echarle una mano|(?:usted|tu) (?:podria|puede|podrias|puedes) (?:pagar|abonar|cubrir|adelantar)|"
                   r"(?:pague|paga|pagar) (?:usted|tu) (?:la deuda|lo que debe|por el|por ella)|(?:prestarle|dejarle|darle) (?:el )?dinero)")

ABUSE = (r"\b(?:sinverguenza|sinverguenzas|caradura|idiota|idiotas|estupid[oa]|imbecil|inutil|mentiros[oa]|ladron|ladrona|tont[oa]|gilipollas|cabron|cabrona|"
         r"mierda|joder|jodid[oa]|pendej[oa]|estafador[a]?|parasito|muerto de hambre|vag[oa]|callate|callese|calle(?:se)? la boca|desgraciad[oa]|payas[oa]|pedazo de|"
         r"cretino|cretina|subnormal|miserable|rata|basura|chorizo|tramposo|tramposa|moroso de mierda|maldit[oa]|carajo|chingad[oa]|culero|huevon|pelotudo|boludo|"
         r"mentiroso|inepto|inepta|ignorante|deshonest[oa]|desvergonzad[oa]|descarad[oa]|aprovechad[oa]|gorron[a]?|zoquete|tarad[oa]|capullo|capulla|mamon|mamona|cojud[oa]|pinche|hijo de puta|hdp|puta|forro|weon|gueon|"
         # sarcasm and demeaning put-downs
         r"genio|sabe usted contar|no seas? (?:caradura|boludo|idiota|tont[oa]|imbecil)|lloriquear|lloriqueando|como un nino|como una nina)\b")
ABUSE_TRAP = r"\b(?:no (?:le|te) (?:estoy llamando|llamo|digo que (?:sea|es|eres)))"
ABUSE_MASK = r"\b(?:situacion (?:mas |tan )?(?:tonta|estupida)|(?:que )?mierda de (?:sistema|ordenador|computadora|telefono|linea|programa))\b"
ABUSE_TRAP = r"\b(?:no (?:le|te) (?:estoy llamando|llamo|digo que (?:sea|es|eres)))"

THREAT = (r"\b(?:no me (?:obligue|obligues|haga|hagas) (?:a )?(?:ir|mandar|llamar|tomar|buscar|presentarme)\w*|ir (?:yo )?(?:mismo )?a buscarl\w*|(?:ir|pasar|presentarme|presentarnos) (?:yo |nosotros )?(?:mismo |mismos )?(?:por|a) (?:su|tu) (?:casa|trabajo|domicilio)|policia|arrest\w*|carcel|prision|pres[oa]|detener(?:le|te|lo)?|detenid[oa]|denuncia (?:penal)?|denunciar(?:le|te|lo)?|"
          r"(?:vamos|voy|iremos|ire|van|va) a (?:ir |pasar(?:nos)? )?(?:a |por )?(?:su|tu) (?:casa|trabajo|oficina|domicilio|negocio)|pas(?:amos|aremos|o) por (?:su|tu) (?:casa|trabajo|oficina|domicilio|negocio)|"
          r"(?:mandar|enviar|mandaremos|enviaremos|mandamos|enviamos|mando|envio)(?:le|te)? (?:a )?(?:alguien|gente|unos|nuestros|los cobradores|cobradores|un cobrador)|cobradores a (?:su|tu) casa|presentarnos en|"
          r"embarg\w*|quit(?:ar|amos|aremos|o)(?:le|te)? (?:la casa|el coche|el carro|el sueldo|sus cosas|tus cosas|los muebles|todo)|(?:le|te) quit(?:amos|aremos|o) (?:la casa|el coche|el carro|el auto|todo)|incautar|confiscar|requisar|"
          r"(?:llam|avis|cont|cuent|dec|dir|inform|habl)\w* (?:personalmente )?(?:a |con )?(?:toda )?(?:su|tu|sus|tus) (?:jefe|empresa|trabajo|familia|mujer|marido|esposa|esposo|vecinos|padres|hijos|companeros|familiares)|"
          r"(?:su|tu|sus|tus) (?:jefe|empresa|familia|vecinos|companeros|oficina) (?:se van a|se va a|van a|va a) (?:enterar|saber)|(?:todo el mundo|en su oficina|en su trabajo|en el colegio\b.{0,20}) (?:se van a|se va a|va a|van a)? ?(?:enterar|sepan|sabra|sabran)|"
          r"(?:publicar|publico|colgar|subir)\w*\b.{0,40}\b(?:facebook|instagram|redes|internet)|redes sociales|"
          r"se (?:va|vas) a arrepentir|(?:te|se) vas? a enterar|ya vera(?:s)?|sabemos donde (?:vive|vives|trabaja|trabajas)|"
          r"(?:le|te) (?:vamos|voy) a (?:hundir|arruinar|buscar|encontrar|hacer la vida imposible)|hacer(?:le|te) la vida imposible|delito|estafa|fraude|antecedentes penales|"
          r"(?:atengase|atente) a las consecuencias|ultimo aviso|queda avisad[oa]|cuidado con lo que|(?:algo|cosas) (?:malo|malas) (?:le |te )?(?:puede|pueden|va a|van a) pasar|vergüenza publica|avergonzar\w*)")
THREAT_COURT_OK = r"\b(?:judicial|juez|jueza|tribunal|juzgado|orden judicial|procedimiento legal|via judicial)\b"
THREAT_TRAP = r"\b(?:(?:pedir|pedirle|pidale|pidele) (?:ayuda |dinero |prestado )?(?:a )?(?:su|tu) (?:familia|pareja|mujer|marido|padres|hermano)|(?:hablarlo|comentarlo|consultarlo) con (?:su|tu) (?:familia|pareja|mujer|marido))"

# --- persona side -------------------------------------------------------------------------------
_SUJ = r"(?:mi (?:\w+ )?(?:coche|carro|auto|marido|mujer|esposa|esposo|hijo|hija|madre|padre|jefe|empresa|negocio|tienda|cliente|amigo|amiga|hermano|hermana|casero|sueldo|nomina|salario|pareja|ex|banco|seguro))"
REASON = (r"\b(?:porque|por eso|ya que|debido a|es que (?:me|mi|se|tuve|estoy|estuve)|"
          # bank and direct-debit problems: "cambié de banco y se cayó la domiciliación"
          r"cambie de (?:banco|cuenta)|(?:el|mi) banco (?:me )?(?:bloqueo|congelo|cancelo|cerro|retuvo|rechazo)|por (?:un )?error del banco|se (?:cayo|cancelo|anulo|dio de baja|devolvio) la domiciliacion|la domiciliacion (?:fallo|no (?:funciono|se hizo|paso|entro))|(?:problema|fallo|error|lio) (?:con|en|de) (?:el banco|la domiciliacion|la cuenta|la tarjeta)|(?:me )?bloquearon la (?:cuenta|tarjeta)|"
          # work and money circumstances: "soy autónomo y un cliente lleva 60 días sin pagarme", "nos subieron el alquiler"
          r"sin pagarme|autonom[oa]|freelance|(?:un|mi|el|los|unos|mis) clientes? (?:\w+ ){0,3}?(?:no me (?:ha |han )?pag\w*|se retras\w*|me debe\w*)|"
          r"(?:me|nos) (?:subieron|subio|han subido|ha subido) (?:el|la|los|las) (?:alquiler|renta|luz|gas|precios?|hipoteca|cuota|facturas)|(?:subio|ha subido) (?:el alquiler|la renta|la luz|todo)|(?:el trabajo|la venta|las ventas|el negocio) (?:esta|anda|va) (?:flojo|floja|fatal|mal|parad[oa])|"
          rf"{_SUJ} (?:se |me |no |ya |todavia |aun )*(?:(?:ha|han) )?(?:perdio|quedo sin|cerro|cerraron|quebro|enfermo|murio|fallecio|dejo|me dejo|pagaba|me debe|no me (?:ha )?pag\w*|me redujo|me bajo|se (?:averio|estropeo|rompio)|esta (?:enferm|hospitaliz|en el hospital)|tuvo)\w*|"
          r"(?:perdi|he perdido|me quede sin|se quedo sin|me echaron del|me despidieron del?|estoy sin) (?:el |mi |su )?(?:trabajo|empleo|curro|chamba)|me (?:kede|quede) sin chamba|me (?:despidieron|echaron|han despedido|quede sin)|"
          r"estoy (?:de viaje|fuera|en el extranjero|sin trabajo|en paro|desemplead[oa]|enferm[oa]|en el hospital|hospitalizad[oa]|esperando)|(?:ha|he|has) estado (?:muy )?(?:enferm|hospitaliz|ingresad)\w*|"
          r"(?:se me|me) (?:olvido|olvide|paso)|olvide\b|(?:le|se lo|se la|les) (?:preste|deje)|preste (?:el dinero|la plata|el prestamo)|"
          r"no me (?:ha|han|habia|habian) (?:pagado|devuelto|ingresado)|no me pagan|me pagaron (?:\w+ ){0,3}con retraso|me debe|me deben|averia|se (?:me )?(?:averio|estropeo|rompio|descompuso)|"
          r"cerraron (?:la|el) (?:tienda|empresa|negocio|fabrica|oficina)|(?:me|nos) (?:han )?metido en un (?:erte|ere)|\berte\b|me (?:robaron|han robado)|me separe|separacion|"
          r"accidente|operacion|urgencia|emergencia|divorcio|funeral|entierro|gastos medicos|hospital|viaje de (?:trabajo|negocios)|por trabajo|estuve (?:enferm|de viaje|fuera|hospitalizad)|"
          r"(?:lo|la|el pago) (?:mande|envie|hice) a (?:la|otra|una) cuenta|(?:me|nos) (?:redujeron|bajaron|recortaron) (?:las horas|el sueldo)|(?:he|hemos) tenido (?:un|una|unos|unas) (?:gastos|problemas|imprevistos?))")
REASON_MASK = r"\b(?:a veces mi \w+|si (?:llama|habla|le dice) a mi \w+|cuando mi \w+ (?:me )?(?:\w+ )?(?:devuelva|pague))\b"
REASON_TRAP = r"\b(?:no tengo (?:el )?dinero(?: este mes| ahora)?$|porque no (?:lo )?tengo)"

COMMIT_VERB = (r"\b(?:(?:paso|me paso|me acerco|voy|ire|pasare) (?:por|a) (?:la|el) (?:sucursal|banco|oxxo|cajero|oficina|tienda|ventanilla)|(?:le|te|se lo|se la|lo|la) (?:pago|pagare|transfiero|transferire|ingreso|ingresare|abono|abonare|deposito|mando|mandare|envio|enviare|hago|hare)|"
               r"pagare|voy a (?:pagar|hacer|transferir|ingresar|abonar|depositar|mandar|enviar)|puedo (?:pagar|hacer|transferir|ingresar|abonar|depositar|mandarle|enviarle)|"
               r"podria (?:pagar|hacer|transferir|ingresar|abonar|depositar)|hare (?:el pago|la transferencia|un ingreso|el ingreso|el deposito)|hago (?:la|el) (?:transferencia|pago|ingreso|deposito)|"
               r"cuente con ello|cuenta con ello|(?:le|te) doy mi palabra|palabra de honor|(?:se|te) lo (?:juro|aseguro|garantizo)|(?:se|te) lo prometo|(?:le|te) prometo|(?:estoy|lo estoy) (?:pagando|haciendo|transfiriendo)|(?:lo )?tendra (?:usted )?(?:el dinero|el pago|en su cuenta)|"
               r"(?:lo|la) tiene(?: en su cuenta)?|sin falta|apunteme|tiene mi palabra|como (?:le )?(?:he dicho|dije)|"
               r"pago (?:el|la|los|las|todo|eso|manana|hoy|antes|a las|esta)|transfiero|ingreso (?:el|la|manana|hoy))")
AFFIRM = (r"^[\s¡¿\"']*(?:(?:bueno|mmm+|eh|ay|mire)[,.!]*\s+)?(?:si(?=\s*(?:[,.!]|$)|,? (?:claro|vale|de acuerdo|perfecto|bueno|eso|esta bien|como no))|vale|de acuerdo|ok|okay|perfecto|claro|bueno|esta bien|hecho|trato hecho|me parece bien|correcto|exacto|conforme|"
          r"sin problema|por supuesto|eso es|asi es|entendido|listo|dale|sale|va|venga|vamos|orale|ándale|andale)\b")
IDENTITY_ANSWER = (r"^\s*(?:si|soy yo|el mismo|la misma)\b[,.!]?\s*(?:¿\s*)?(?:soy yo|soy (?:el|la|yo)\b|con (?:el|ella) habla|al habla|digame|dime|quien (?:es|llama|habla)|de parte de quien|que (?:desea|quiere)|el mismo|la misma)")
# "Sí, lo entiendo" / "Sí, ya sé que va atrasado" admit a fact; "Bueno... a ver, cuénteme" is not an acceptance.
AGREE_TRAP = r"quien (?:es|eres|habla|llama)|de parte de quien|que (?:quiere|desea|quieres)|de que se trata|^\W*(?:\w+\W+){0,2}?(?:lo entiendo|entiendo|ya se|ya lo se|lo se|a ver|cuenteme|digame|hice|pague)\b"
PAY_NOW = (r"\b(?:(?:estoy|lo estoy|la estoy) (?:pagando|haciendo (?:la transferencia|el pago|el ingreso)|transfiriendo|ingresando)|"
           r"ahora mismo (?:lo |le |la |se lo )?(?:pago|transfiero|hago|ingreso|mando)|(?:lo |la |le )?(?:pago|transfiero|hago|ingreso|mando) ahora mismo|"
           r"en este momento (?:lo |le )?(?:pago|transfiero|hago))")
VAGUE_PAY = (r"\b(?:(?:le|te|lo|la|se lo) (?:pagare|pago)|pagare|podre pagar|voy a pagar|intentare|procurare|(?:lo|le) intento|(?:lo|le) (?:arreglo|arreglare|soluciono|solucionare)|ya vere|hare lo posible|hare lo que pueda)\b.{0,40}|"
             r"\b(?:cuando pueda|cuando cobre|en cuanto pueda|lo antes posible|pronto|cuanto antes|el mes que viene|la semana que viene|mas adelante|intentare|hare lo posible)\b|,\s*(?:le |te )?pago\b")
# Hedges and conditions make a promise vague ("Cuando mi cliente me pague…", "en cuanto me recupere…").
CONDITION = (r"\b(?:cuando|en cuanto|si|una vez que|despues de que|apenas) (?:\w+ ){0,3}?(?:me |le |nos |se lo |se la )?"
             r"(?:pague|paguen|cobre|devuelva|devuelvan|recupere|tenga|llegue|consiga|venda|ingresen)\b")
VAGUE_MASK = r"$^"
# A tag question ("…, ¿ok?") does not turn a promise into a question.
TAG_QUESTION = r"[,\s]*¿?\s*(?:ok|vale|si|de acuerdo|le parece|va|sale)\s*\?"
# Words that may sit around a bare time and still leave "just a time" ("El día 28 sin falta.").
COMMIT_FILLER = (r"\b(?:si|vale|ok|de acuerdo|bueno|perfecto|entonces|el|la|los|las|lo|dia|a|antes|de|del|para|por|sin falta|como le he dicho|como le dije|eso es|"
                 r"tiene mi palabra|\$?\d[\d.,]*|euros|pesos|todo|y|en punto|mismo|misma)\b")
BARE_TIME_TRAP = r"\b(?:llameme|llamame|vuelva a llamar|hasta|que hora es|son las)\b"
REFUSE = (r"\b(?:tampoco (?:puedo|podre|me (?:va|viene|alcanza|llega))|no me (?:viene|va) bien (?:ni )?(?:hoy|manana|ese dia|esa fecha)|no (?:le|te) (?:voy a dar|doy) (?:ninguna|una) (?:hora|fecha)|no (?:(?:le|te|lo|la|les|se lo|se la|me) )?(?:puedo|voy a|pienso|tengo|podre|me es posible|hay manera|hay forma|me alcanza|llego|pago|pagare|me llega)|"
          r"imposible|ni hablar|ni loco|ni loca|ni de broma|de ninguna manera|me niego|por que (?:voy a|iba a|tendria que) pagar (?:\w+ )?dos veces|"
          r"olvidese|olvidate|no pagare|no pienso pagar|estoy sin (?:dinero|un duro|blanca|plata)|no tengo (?:ni )?(?:un duro|un peso|nada|dinero|plata|el dinero))")
# A shortfall told as part of a cause is the reason, not a refusal ("Nos subieron el alquiler y no llego").
REFUSE_WEAK = r"\bno (?:me )?(?:llego|llega|alcanza|alcanzo|llegaba|alcanzaba)\b|\bno (?:pude|podia)\b"
# "No puedo hablar ahora" turns down the call, not the payment.
REFUSE_MASK = r"\b(?:no (?:puedo|podemos) (?:hablar|atender|escuchar|oir)|(?:que pasa )?si no pago|no (?:les|le|te|os) (?:llego|ha llegado)|no tengo (?:como|tiempo)|nunca me negaria|no me niego)\b"
CLAIMS_PAID = (r"\b(?:(?:hizo|realizo|efectuo|mando|envio) (?:el|un|la) (?:pago|ingreso|deposito|transferencia|abono)|(?:el recibo|el cargo|la domiciliacion|el adeudo|la cuota) se (?:paso|cobro|cargo|desconto)|ya (?:lo |la |le |se lo )?(?:pague|he pagado|habia pagado|pagamos|hice el pago|hice la transferencia|transferi|ingrese|deposite|abone|esta pagad|lo hice)|"
               r"ya esta pagad[oa]|(?:lo|la) pague (?:el|la|ayer|hace|la semana|en)|(?:hice|realice) (?:el pago|la transferencia|un ingreso|el ingreso|el deposito)|"
               r"acabo de (?:pagar|mandar|enviar|transferir|hacer|ingresar|depositar)|(?:ya )?(?:se lo |le )?acabo de mandar|se encargo de pagar\w*|el pago que (?:le )?hice|"
               r"(?:esta|estaba) pagad[oa]|ya (?:esta|estaba) (?:saldad|liquidad)|tengo (?:el|un|la) (?:comprobante|justificante|recibo|confirmacion)|me (?:lo )?(?:cobraron|cargaron)|(?:el dinero|la plata) (?:salio|se fue) de mi cuenta)")
# Accented past forms: "Lo pagué", "Mi mujer lo pagó ayer", "Lo liquidé todo".
CLAIMS_PAID_ORIG = r"\b(?:pagué|pagó|liquidé|liquidó|transferí|transfirió|deposité|depositó|ingresé|ingresó|aboné|abonó|cancelé la deuda)\b"
# "¿No les llegó el pago que hice el viernes?" claims a payment despite the negation.
CLAIMS_PAID_QUESTION = r"\bno (?:les|le|te|os) (?:llego|ha llegado)\b"
# A reassurance right after the cue cancels it: "su historial no se verá afectado".
CONSEQUENCE_NEG_AFTER = r"[^,.;!?]{0,30}?\bno (?:se )?(?:vera|va a (?:verse|ser|quedar)|queda|quedara|sufrira|saldra|afecta|afectara|perjudica|perjudicara)"
CONSEQUENCE_MASK = r"\b(?:(?:de la|en la|del|en el) (?:seccion|area|departamento|oficina) de (?:recobros?|recuperaciones?|cobranzas?)|(?:su|tu) credito de)\b"
# "¿Hoy o mañana?" asks for today (and is not pressing for a time unless a clock time is named).
TODAY_OR_TOMORROW = r"\b(?:hoy|ahora|esta noche|esta tarde)\b[^?]{0,30}?\bo\b[^?]{0,20}?\b(?:manana|pasado)\b"
CLOCK_CUE = r"\b(?:(?:a|antes de|sobre|hasta|para) las \w+|a la una|\d{1,2}(?::\d\d)? ?(?:am|pm|h)\b|mediodia|medio dia|a primera hora)"
CONDITIONAL_START = r"\W*(?:si|a menos que)\b(?! (?:no|me|le) (?:paga|puede))"
# Every wording: paying for someone else only arises when someone else answers.
THIRD_PARTY_NEEDS_COUNTERPART = r""
# Paying as an action, and a message to relay ("dígale que me llame por lo de su deuda") rather than a request to pay.
PAY_VERB = r"\b(?:pag(?:ar|ue|uen|ara|aria|ando|a|as)(?:l[oa]s?|le|les|sel[oa])?\b|abon\w*|cubr\w*|hacerse cargo|sald\w*|liquid\w*|adelant\w*|aport\w*|hacer (?:usted |tu )?(?:el pago|la transferencia))"
RELAY = r"\b(?:digale|dile|pidale|pidele|avisele|avisale|comuniquele|(?:le|se lo) (?:puede|podria|podrias|puedes) (?:decir|pedir|avisar|comentar)|que (?:me|nos) (?:llame|devuelva|contacte))\b"
ABUSE_IMPERATIVE = r"\bno (?:sea|seas|se haga|te hagas|me venga|me vengas|me hable|me hables)\b"
# In a third-party call the person on the line is addressed by the verb itself ("¿Podría pagarlo?").
YOU = r""
# "…es broma" takes back what came before it in the sentence.
RETRACTED = r"\b(?:es broma|era broma|es una broma|no es cierto)\b"
