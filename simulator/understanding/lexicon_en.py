"""English cues for each move, as regular expressions over folded (lower-case, accent-free) text.

Cues are combined by ``detect.py``: e.g. ask_payment_today needs a payment cue, a today cue and a
request form in the same sentence. Keep each list readable; add paraphrases as they show up in the
utterance set (tests/data), and re-run ``benchmarks/understanding_metrics.py``.
"""

W = r"(?:\w+\s+){0,3}"  # up to three filler words

NEGATION = r"\b(?:not|never|no|none|nobody|no one|nothing|without|won't|wont|wouldn't|don't|dont|doesn't|isn't|aren't|didn't|can't|cannot|neither|nor)\b|n't\b"
NEGATION_EXEMPT = r"\b(?:if|unless|otherwise|or else|until|not (?:just|only))\b"
HEDGE = r"\b(?:try|trying|maybe|might|perhaps|possibly|hopefully|i guess|probably|i think i (?:can|could)|if i can|if possible|depends|see if|not sure|we'll see|i hope|could try|attempt)\b"

PAY = (r"\b(?:pay|pays|paying|payment|paid|settle|settling|transfer|deposit|send (?:the|it|that|me|us|over|in|a)|"
       r"make (?:a |the |that |this )?(?:payment|transfer|deposit)|clear (?:the|it|this|your)|cover (?:it|the|that|this|part)|"
       r"take care of (?:it|this|that|the)|sort (?:it|this|that) out|(?:the|your|that|this) (?:amount|balance|installment|instalment|money)|"
       r"\$\s?\d|\d+\s?(?:dollars|euros|usd|eur)|funds)\b")
TODAY = (r"\b(?:today|tonight|right now|now|immediately|right away|straight away|this (?:morning|afternoon|evening)|"
         r"before (?:noon|midday|lunch|the end of the day|end of day|close of business|\d{1,2}(?::\d\d)?\s?(?:pm|p\.m\.|am|a\.m\.)?(?:\s|$|\W)(?!tomorrow))|"
         r"by (?:noon|midday|lunch|\d{1,2}(?::\d\d)?\s?(?:pm|p\.m\.|am|a\.m\.)|(?:the )?end of (?:the )?day|close of business)|eod|within the hour|in (?:an|the next) hour|as we speak|this minute)\b")
REQUEST = (r"\b(?:can you|could you|would you|will you|are you able|can we|could we|i need|we need|i'd like|i would like|i want|we'd like|"
           r"i'm asking|i am asking|you need to|you have to|you must|you should|please|let's|lets|is it possible|would it be possible|"
           r"how about|what about|are you going to|i'm going to need|i'll need|we require|i expect|i'm calling to (?:ask|get|collect)|"
           r"need (?:you|it|the|that|this)|must be (?:paid|made|settled)|has to be|needs to be|got to|gotta|make sure|go ahead and|"
           r"(?:^|[,;] ?)(?:pay|transfer|send|settle|make|deposit)\b|any chance|is there any way|do you think you can|would you be able|can i get|could i get|ready to)\b")
PAST_QUESTION = r"\b(?:did you|have you|had you|were you|you (?:already )?paid|you've paid|how are you|how's your|how is your|called you|i called|i tried|was due|were due|is due|fell due|came due|due date|since)\b"

CONFIRM_IDENTITY = (r"\b(?:am i (?:speaking|talking) (?:with|to)|is (?:this|that|it)|are you|speaking (?:with|to)|"
                    r"(?:could|can|may) i (?:please )?(?:speak|talk) (?:with|to)|i'?d like to (?:speak|talk) (?:with|to)|i would like to (?:speak|talk) (?:with|to)|"
                    r"i'?m (?:looking|trying to reach|calling for|trying to get hold of)|i am (?:looking|trying to reach|calling for)|looking for|"
                    r"is .{1,30}? (?:there|available|home|around|in)\b|may i ask if (?:i'?m|i am) speaking|do i have|have i reached|is this the (?:right|correct) (?:number|person))")
IDENTITY_TARGET = r"\b(?:mr|mrs|ms|miss|mister|dr|sir|madam|ma'am|the account holder|the cardholder|the card holder|the borrower|the owner of|the customer|the person|the holder)\b"
IDENTITY_TRAP = r"\b(?:a good time|available to talk|free to talk|busy|ok|okay|alright|all right|there\?|still there|listening|aware|sure|able|ready|going to|willing|serious|kidding|joking)\b"

IDENTIFY_SELF = (r"\b(?:this is \w+|my name is|my name's|i'?m \w+ (?:from|with|at|of|calling from)|i am \w+ (?:from|with|at|of|calling from)|"
                 r"(?:i'?m|i am|we are|we're) (?:calling|ringing|phoning|contacting you|reaching out) (?:you )?(?:from|on behalf of)|"
                 r"(?:calling|call you|ringing) (?:from|on behalf of)|(?:i'?m|i am|we are|we're) (?:from|with) (?:the |your )?[a-z]+|"
                 r"here (?:from|at) [a-z]+|it'?s \w+ (?:from|at|with) |(?:i work|working) (?:for|with|at) |on behalf of)")
IDENTIFY_SELF_TRAP = r"\b(?:i'?m (?:from|with) you|i'?m with you on|calling (?:from|on behalf of) (?:him|her)|this is (?:about|regarding|serious|important|a|the|not|your|it|what|why|how|urgent|ridiculous|getting))\b"

DEBT = (r"\b(?:overdue|past due|late|missed|outstanding|unpaid|in arrears|arrears|behind (?:on|with)|owe|owed|owes|owing|debt|debts|"
        r"defaulted|in default|delinquent|still due|(?:has|have)(?:n't| not) been (?:paid|received|made|deducted|covered)|"
        r"(?:was|wasn't|were) (?:due|not paid|not received|never paid)|bounced|returned unpaid|(?:didn't|did not) go through|"
        r"pending (?:balance|amount|payment)|balance of|balance is|amount due|the amount of \$|due (?:on|since|last)|"
        r"(?:is|are|was) due|falls due|fell due|your (?:loan|credit card|card|installment|instalment|account|balance|bill|payment|mortgage|credit)\b)")
DEBT_TRAP = r"\b(?:how (?:are|is) your|late (?:call|hour|night)|too late|see you later|sorry i'?m late|running late|is it late|late in the day)\b"

ASK_WHEN = (r"\b(?:when (?:can|could|will|would|do|did|are|might|shall)(?: you)?(?: think)?(?: you)?(?: be able to| plan to| going to| intend to| expect to| manage to)? ?(?:pay|settle|make|transfer|send|deposit|cover|clear|take care|sort|have (?:the|it|that)|get (?:the|it|us)|do (?:it|the))|"
            r"when (?:can|could|will|might) (?:we|i) (?:expect|count on|receive|get|see) (?:the |your |a )?(?:payment|money|funds|it)|"
            r"(?:what|which) (?:date|day) (?:can|could|will|would|are|do) you|by when (?:can|could|will)|"
            r"when (?:is|would) (?:a good|the|a) (?:time|date) (?:for you )?to pay|any idea when|when do you think|how soon can you|how long (?:until|before|will it take))")

ASK_REASON = (r"\b(?:what (?:happened|has happened|'s happened|went wrong|is going on|'s going on|was the problem|is the problem|'s the problem|"
              r"'s the issue|is the issue|was the issue|is the reason|was the reason|'s the reason|caused|prevented you|stopped you|kept you|"
              r"(?:is|'s) (?:stopping|preventing|keeping|holding) you|made you|'s up|is up|'s wrong|is wrong|exactly happened|'s behind)|"
              r"why (?:didn'?t|did not|haven'?t|have not|wasn'?t|was not|isn'?t|couldn'?t|could not|can'?t|cannot|won'?t|hasn'?t|weren'?t|aren'?t|is(?: it)?|was(?: it)?|did|are you|were you|the delay|not|no payment|so late)|"
              r"how come|is there (?:a|any) (?:reason|problem|issue)|was there (?:a|any) (?:reason|problem|issue)|any (?:particular )?reason|"
              r"(?:can|could) you (?:tell|explain to) me (?:why|what|the reason|more)|help me understand|tell me (?:more|what happened|why|about (?:it|that|the))|"
              r"what'?s (?:the )?(?:situation|story)|what is the situation|what kind of|who did you lend|who (?:has|owes|borrowed)|"
              r"(?:when|what time|what day) (?:are|will|do) you (?:get |be |come |coming )?back|how long (?:are|will) you (?:be )?(?:away|travel|gone|there|out)|"
              r"where are you (?:now|travel)|when (?:does|will|is) (?:your|the|he|she|they) (?:customer|client|friend|employer|company|pay|salary|paycheck)|"
              r"is (?:something|anything) (?:wrong|going on|else)|has something happened|did something happen|are you (?:ok|okay|having (?:trouble|problems|difficult))|"
              r"what (?:about|is) your (?:situation|income|work|job)|did (?:you lose|something)|what (?:would|could) help you|what'?s making it|what is making it|"
              r"how (?:much|did) (?:did )?(?:you|he|she) (?:lend|borrow)|when (?:did|do) you (?:expect|think) (?:he|she|they|your friend) (?:will|would|to) (?:pay|return))")
ASK_REASON_TRAP = r"\b(?:what happened to the (?:weather|game|match)|what can i do for you|what'?s up with the weather)\b"

CONSEQUENCE = {
    "late_fees": (r"\b(?:late(?:-payment)? (?:fee|fees|charge|charges|payment fees?|penalt(?:y|ies)|interest)|penalt(?:y|ies)|penalty interest|default interest|"
                  r"(?:extra|additional|more) (?:charges|interest|fees|costs)|interest (?:will )?(?:keeps? |continues? to )?(?:accru|grow|add|pil|build|go up|increase)|"
                  r"(?:fees?|charges?) (?:will )?(?:keep |start to |continue to )?(?:add|accru|pil|grow|increase|go up|build|apply)|surcharge|fines?|"
                  r"(?:costs?|cost you) (?:more|extra)|more expensive|owe (?:even )?more|(?:balance|debt|amount) (?:will )?(?:grow|keep growing|increase|go up))"),
    "credit_record": (r"\b(?:credit (?:record|report|history|score|rating|file|bureau|bureaus|reference|profile|standing|reputation)|"
                      r"(?:report(?:ed)?|flag(?:ged)?|register(?:ed)?) (?:it |this |you )?(?:to|with) (?:the )?(?:credit|bureau|agencies)|bureaus?|equifax|experian|transunion|"
                      r"blacklist|negative (?:mark|record|entry|listing)|bad credit|your credit|credit (?:agencies|reference agencies))"),
    "future_credit": (r"\b(?:(?:harder|difficult|impossible|hard|tougher|more expensive) (?:for you )?to (?:get|obtain|borrow|qualify|find|take out|access)|"
                      r"(?:refused|denied|declined|rejected|turned down)(?: for)? (?:a |any |future |new )?(?:credit|loans?|financing|mortgage|cards?)|"
                      r"future (?:loans?|credit|borrowing|applications?|financing|mortgage)|(?:get|obtain|qualify for|approved for) (?:a |any |another |new )?(?:loan|mortgage|credit|car loan|financing|card)|"
                      r"(?:lenders|banks|other lenders|other banks) (?:will|may|might|could|won't) |no (?:lender|bank) will)"),
    "legal": (r"\b(?:legal (?:department|action|proceedings|process|team|route|steps|measures|channels)|"
              r"(?:refer(?:red)?|escalat(?:e|ed)|sen[dt]|pass(?:ed)?|hand(?:ed)?|transferr?(?:ed)?|forward(?:ed)?|move[ds]?|go(?:es)?) (?:on |it |the account |your account |the case |your case )?(?:to|over to|on to) (?:our |the |a |an |external )?(?:legal|collection|collections|debt collection|recovery|lawyers?|attorneys?|court|solicitors?|litigation|agency)|"
              r"court (?:proceedings|action|claim|process|order|case)|lawsuit|(?:be )?sued|take (?:you |this |it )?to court|litigation|collections? agency|debt collectors?|small claims|judgment|judgement)"),
}

FUNDING = (r"\b(?:borrow|lend you|loan (?:you|from)|ask (?:a |your |some )?(?:friend|relative|family|brother|sister|parents?|partner|spouse|mom|mum|dad|mother|father|husband|wife|boss|employer)|"
           r"(?:a |any |your )?(?:friend|relative|family member|family)s? (?:could|can|might|who could|who can) (?:help|lend|cover|pay|front|spot)|"
           r"(?:pay|cover|make|send|transfer|put down) (?:a |at least )?(?:part|portion|some|partial|half|a bit|something|a little)|partial payment|part payment|"
           r"(?:part|some|half|a portion) of (?:it|the (?:amount|balance|money|payment|debt))|(?:any|your) savings|savings account|"
           r"(?:use|with|on|by) (?:a |your |another )?(?:credit|debit) card|pay (?:it )?by card|(?:transfer|pay|send) (?:it |the money )?(?:online|from (?:your|the) (?:phone|app|mobile)|by (?:phone|app|card|bank transfer))|"
           r"online banking|mobile (?:banking|app)|banking app|bank app|from where you are|wherever you are|from your hotel|from abroad|"
           r"payment plan|advance (?:on|from) your (?:salary|pay|wages)|salary advance|sell|overdraft|someone (?:could|can) (?:pay|transfer|lend)|"
           r"(?:pay|transfer) (?:it )?(?:on|for) your behalf|(?:ask|get) (?:your friend|him|her|them) to (?:pay|return|give) (?:you )?(?:back|the money|it)|"
           r"(?:recover|get) (?:the money |it )?back from|contact (?:details|information) of (?:your friend|the person|them)|a smaller amount|minimum payment|whatever you can)\b")

PRESS = (r"\b(?:what time|at what time|which day|what day (?:this week|tomorrow|exactly)|what (?:exact|specific) (?:time|day|date)|"
         r"(?:give|tell) me (?:a|an|the) (?:specific |exact |firm |concrete )?(?:time|date|day|hour)|(?:specific|exact|firm|concrete|definite) (?:time|date|day|hour|commitment)|"
         r"can (?:you|i get you to) commit|will you commit|commit to|(?:do|can) i have your (?:word|commitment|promise)|can i count on|can you promise|(?:will|can) you (?:guarantee|promise)|promise me|"
         r"by what time|how about (?:tomorrow|today|tonight|this|\d|at \d|before|noon)|what about (?:tomorrow|today|tonight|this|\d|at \d|before|noon)|(?:today|tonight) or (?:tomorrow|first thing)|"
         r"at the latest|no later than|let'?s (?:say|set|agree|make it|put)|(?:shall|should) we say|is (?:\d|noon|tomorrow|today|that time)\S* (?:ok|okay|possible|good|fine)|"
         r"(?:before|by|at) (?:\d{1,2}(?::\d\d)?\s?(?:pm|am|p\.m\.|a\.m\.|o'clock)?|noon|midday)\b.{0,12}(?:\?|ok|okay)|"
         r"what time (?:today|tomorrow|tonight)|(?:tomorrow|today) (?:morning|afternoon|evening) then\?|which (?:is|would be) (?:better|easier)|"
         r"can you (?:do|make) (?:it|that|the payment) (?:by|before|at|tomorrow|today|tonight))")

CONFIRM = (r"\b(?:so,? to confirm|just to confirm|to confirm|let me confirm|i(?:'d| would) like to confirm|can i confirm|confirming|i'?ll confirm|"
           r"let me (?:recap|summari[sz]e|repeat|read (?:that|it) back|make sure i have)|to (?:recap|summari[sz]e|sum up)|"
           r"so (?:that'?s|we have|we'?re agreed|we agreed|you(?:'ll| will)|you'?re going to|we'?re saying|just so we'?re clear|the plan is)|"
           r"i'?ll (?:note|make a note|put (?:that|it|this) down|record|register|log|mark|update)|i(?:'ve| have) (?:noted|written|put|logged|recorded)|"
           r"(?:we'?re|we are) agreed|agreed then|so we agree|we have (?:a deal|an agreement)|(?:it'?s|that'?s) a deal|(?:then|so) (?:it'?s|we have) (?:a deal|settled)|"
           r"(?:is that|that'?s) (?:correct|right)\?|(?:you(?:'ll| will)|you are going to) (?:pay|transfer|send|make)\b.{0,60}\b(?:correct|right|yes)\?|"
           r"i'?m (?:noting|writing (?:that|it) down|putting (?:that|it) (?:down|on))|on (?:your|the) (?:account|file)|expect(?:ing)? (?:your|the) (?:payment|transfer))")
CONFIRM_NEEDS_TIME = r"\b(?:so (?:you(?:'ll| will)|you'?re going to))"

EMPATHY = (r"\b(?:i (?:completely |totally |fully |really |do )?(?:understand|get it|get that|hear you|appreciate|can imagine|realise|realize|sympathi[sz]e|see how|see why|see that)|"
           r"i'?m (?:so |very |really |truly )?sorry (?:to hear|about|for|that|you)|(?:so |very |really )?sorry to hear|that (?:must be|sounds|must have been|'?s really|is really) (?:hard|difficult|tough|rough|stressful|frustrating|awful|terrible|a lot)|"
           r"that'?s (?:rough|tough|hard|unfortunate|awful|terrible|a lot)|must be (?:hard|difficult|tough|stressful)|i know (?:how|it'?s|this is|that'?s|that can)|"
           r"thank you for (?:telling|explaining|sharing|being (?:honest|open)|letting me know)|thanks for (?:telling|explaining|sharing|being honest|letting me know)|"
           r"i appreciate (?:you|your|that)|(?:it'?s|that'?s) (?:understandable|completely understandable)|(?:oh )?no,? i'?m sorry|(?:i'?m )?sorry for your loss|"
           r"these things happen|don'?t worry|take your time|that'?s okay|no problem,? (?:i|we)|we'?re here to help|i want to help|let'?s (?:find|work out|figure out) a (?:way|solution))")
EMPATHY_TRAP = r"\b(?:i understand (?:that )?you (?:owe|have|haven't|didn't|still)|i understand the (?:payment|loan|debt))\b"

VERIFY = {
    "amount": r"\b(?:how much (?:did|have|had|was|exactly)(?: you| it| the payment| that)?(?: pay| paid| send| sent| transfer| deposit)?|what (?:was the |amount|sum)|(?:the|what) amount (?:you|of (?:the|your) payment|paid|did|was)|exact amount|full amount or|was it the full)",
    "date": r"\b(?:when (?:did|have|exactly did|was|were)(?: you)?(?: make| made| pay| paid| send| sent| do| transfer| deposit| it| that| the payment)|what (?:date|day) (?:did|was|were|exactly)|date of (?:the|your|that) (?:payment|transfer)|on what (?:date|day)|which (?:date|day) did)",
    "channel": (r"\b(?:how did you (?:pay|make|send|transfer|do)|which (?:account|bank|method|channel|card|number|branch|app)|what (?:account|bank|method|channel|reference|card)|"
                r"(?:by|through|via) (?:which|what)|where did you (?:pay|send|transfer|make)|(?:receipt|reference number|confirmation (?:number|code|email)|transaction (?:id|number|reference)|proof of payment)|"
                r"(?:bank transfer|cash|card|app|online)(?:,| or) (?:by )?(?:bank|cash|card|app|online|transfer|check)|account number|iban)"),
}
VERIFY_CONTEXT = r"\b(?:paid|pay|payment|transfer|sent|send|deposit|receipt|account|bank|it|that)\b"

CALLBACK = (r"\b(?:when (?:can|could|would|will|might|should|is a good time to) (?:i|we) (?:reach|call|get hold of|catch|contact|speak|talk|find)|"
            r"(?:best|good|better|right) time to (?:reach|call|contact|catch|get hold of|speak)|"
            r"when (?:will|would|does|is|might) (?:he|she|they|mr\.?|mrs\.?|ms\.?|your (?:husband|wife|son|daughter|partner|brother|sister|father|mother))\b.{0,30}?(?:be )?(?:back|home|available|in|around|free|reachable|arrive|return|get)|"
            r"(?:ask|tell) (?:him|her|them|[a-z]+) to (?:call|ring|contact|get back|phone|return)|(?:call|ring) (?:me|us) back|"
            r"have (?:him|her|them) (?:call|ring|contact|get)|pass (?:on )?(?:a |the |my )?message|leave (?:a|my|him a|her a) (?:message|number)|"
            r"give (?:him|her|them) (?:a|the|my) (?:message|number)|return (?:my|the|our) call|get in touch with (?:me|us)|"
            r"is there (?:a|another) (?:number|way) (?:to|i can|where)|how can i (?:reach|contact|get hold of))")

THIRD_PARTY_PAY = (r"\b(?:(?:could|can|would|will) you (?:pay|cover|settle|take care of|make)\b.{0,40}\b(?:for (?:him|her|them)|on (?:his|her|their) behalf|instead|yourself)|"
                   r"(?:pay|cover|settle) (?:it|the debt|his debt|her debt|the amount|what he owes|what she owes) (?:for|on behalf of) (?:him|her|them)|"
                   r"help (?:him|her|them) (?:pay|with the payment|out with)|(?:lend|give) (?:him|her) the money|would you be willing to pay|could you help (?:him|her) (?:pay|out))")

ABUSE = (r"\b(?:deadbeat|idiot|idiots|stupid|moron|morons|loser|liar|scum|scumbag|parasite|thief|crook|pathetic|worthless|useless|dumb|imbecile|"
         r"bastard|bitch|asshole|arsehole|jerk|fuck|fucking|fucker|shit|bullshit|damn you|shut up|piece of (?:shit|garbage|trash|work)|lowlife|low-life|"
         r"freeloader|leech|clown|cheat|cheater|sponger|bum|trash|garbage person|dimwit|halfwit|retard|disgrace|pig|cretin|fool|prick|dick|crap)\b")
ABUSE_TRAP = r"\b(?:not (?:calling|saying) you(?:'re| are)? (?:a |an )?|i'?m not (?:calling|saying))"

THREAT = (r"\b(?:police|cops|arrest(?:ed)?|jail|prison|locked up|behind bars|handcuff|"
          r"(?:send|sending|sent) (?:someone|somebody|people|a guy|guys|our (?:people|team|agents?|guys)|the boys|collectors?) (?:to|round|over|after)|"
          r"(?:come|coming|show up|turn up|visit(?:ing)?|knock(?:ing)? on) (?:to )?(?:your|you at your|at your|to your) (?:house|home|door|work|office|place|job)|"
          r"(?:we|i)(?:'ll| will| are going to|'re going to|'m going to| am going to) (?:find you|make you (?:pay|regret|sorry)|hurt|break|ruin|destroy|make your life|get you|come after)|"
          r"(?:you'?ll|you will|you'?re going to) (?:regret|be sorry|pay for this|see what happens)|make your life (?:hell|difficult|miserable)|"
          r"seize|confiscate|repossess|take (?:away )?(?:your|all your|everything) ?(?:house|car|home|property|belongings|things|furniture|salary|wages|paycheck|kids|children|everything)?|garnish|"
          r"(?:freeze|empty|block) your (?:bank )?(?:account|accounts|cards)|"
          r"(?:call|tell|inform|contact|notify|let|talk to|speak to|ring|email|write to|visit) (?:your )?(?:boss|employer|work(?:place)?|colleagues?|co-?workers|family|wife|husband|parents?|neighbou?rs?|friends|mother|father|mom|dad|children|kids|relatives|everyone|hr)\b|"
          r"(?:boss|employer|neighbou?rs?|family|everyone|colleagues) (?:will|are going to|'ll|is going to|would) (?:know|find out|hear|learn)|"
          r"shame you|humiliat|watch your back|watch out|you'?ll see|or else|you(?:'ve| have) been warned|last warning|we know where you (?:live|work)|"
          r"criminal (?:charges|record|case|offen[cs]e|complaint)|charged with|(?:commit(?:ting)?|it'?s) fraud|fraud charges|"
          r"(?:something|things) (?:bad|could|might|will) (?:happen|get ugly)|get ugly|you(?:'ll| will) be in (?:big |serious )?trouble)")
THREAT_COURT_OK = r"\b(?:court|judge|judicial|legal process|due process|lawful|tribunal)\b"
THREAT_TRAP = r"\b(?:if you (?:need|want) (?:to )?(?:talk to|ask) your (?:family|partner|wife|husband)|ask (?:a |your )(?:friend|family|relative|brother|sister|parents?|partner) (?:for|to lend)|(?:borrow|lend).{0,20}(?:family|friend|relative|parents?)|talk (?:it )?(?:over|through) with your (?:family|partner|wife|husband))"

# --- persona side -------------------------------------------------------------------------------
REASON = (r"\b(?:because|since my|cause my|'cause|my (?:car|husband|wife|son|daughter|kid|kids|mother|father|mom|mum|dad|boss|company|employer|business|shop|store|customer|client|friend|brother|sister|landlord|roof|house|salary|paycheck|pay|wages|hours|rent|partner|boyfriend|girlfriend|dog|cat|health)\b|"
          r"i (?:lost|got laid off|was laid off|was fired|got fired|got let go|was let go|lent|loaned|gave (?:the|it|my)|forgot|totally forgot|completely forgot|"
          r"was (?:sick|ill|in (?:the )?hospital|travel|away|abroad|out of)|had (?:to (?:pay|cover|fix|help|send|buy)|an? (?:emergency|accident|operation|surgery|unexpected|medical|repair)|some (?:unexpected|medical|emergency)|surgery)|"
          r"'?m (?:on a (?:business |work )?trip|travel|abroad|away|out of (?:town|the country|work)|between jobs|unemployed|sick|in (?:the )?hospital|waiting (?:for|on))|"
          r"am (?:on a|travel|abroad|away|unemployed|waiting)|haven'?t been paid|didn'?t get paid|wasn'?t paid|got sick|had surgery|had a baby|had an accident|"
          r"(?:have|'ve) been (?:sick|ill|travel|away|out of work|unemployed|off work))|"
          r"(?:lost|lose) (?:my|the|our) jobs?|laid off|unemployed|out of work|broke down|got stolen|was stolen|accident|emergency|surgery|hospital|divorce|funeral|"
          r"medical (?:bills?|expenses|costs)|(?:vet|doctor|hospital|repair) bills?|(?:hasn'?t|has not|didn'?t|did not|haven'?t|never) (?:paid|returned|given) (?:me|it back|the money|us)|"
          r"owes? me|(?:paid|sent) (?:it )?to the (?:wrong|old)|business trip|work trip|slipped my mind|forgot|"
          r"(?:salary|paycheck|wages|pay) (?:was|is|came|comes) (?:late|delayed|short)|cut (?:my|our) hours|reduced (?:my|our) hours|bank (?:froze|blocked|error)|"
          r"(?:cover|pay|paid) (?:for )?(?:the |my |his |her )?(?:repair|funeral|rent|surgery|treatment|medicine|school|tuition)|family (?:emergency|problem|issue))")
REASON_TRAP = r"\b(?:i just don'?t have (?:it|the money)|i don'?t have (?:it|the money|any money)(?: (?:right now|this month|today))?$)"

COMMIT_VERB = (r"\b(?:i'?ll|i will|i can|i could|i'?m going to|i am going to|i'?m gonna|i promise|i'?d be able to|i'?ll be able to|let me|i shall|"
               r"i'?m (?:paying|sending|transferring|making|doing|depositing)|i am (?:paying|sending|transferring|making|doing)|we'?ll|we will|we can|"
               r"(?:pay|transfer|send|deposit)(?:ing)? (?:it|the|you|that|this|\$)|you(?:'ll| will) (?:have|get|receive) (?:it|the|your|the money)|it(?:'ll| will) be (?:there|paid|in your|done|sent))")
AFFIRM = r"^\s*(?:yes|yeah|yep|yup|ok|okay|sure|fine|alright|all right|deal|agreed|that works|sounds good|perfect|great|correct|right|absolutely|of course|definitely|certainly|you got it|got it|understood|will do|done|i agree|confirmed|exactly|that'?s right|that'?s correct|si)\b"
IDENTITY_ANSWER = r"^\s*(?:yes|yeah|yep|speaking|this is (?:she|he|me)|that'?s me|it'?s me)\b[,.!]?\s*(?:speaking|this is (?:she|he|me|\w+)|that'?s me|it'?s me|who(?:'s| is)|what|can i help|how can i help|\w+ speaking)"
PAY_NOW = (r"\b(?:i'?m (?:paying|sending|transferring|doing (?:it|the transfer|the payment)|making (?:the|a) (?:payment|transfer)|depositing)(?: it| the money| that)?(?: right)? now|"
           r"(?:paying|sending|transferring|doing) (?:it |that |the transfer |the payment )?(?:right )?now|i(?:'ve| have) just (?:paid|sent|transferred|made the (?:payment|transfer))|"
           r"(?:doing|making) (?:it|the transfer|the payment) (?:right )?now|as we speak|i'?m (?:logging in|opening (?:the|my) (?:app|banking)) (?:now|right now))")
VAGUE_PAY = (r"\b(?:i'?ll|i will|i'?m going to|i promise|i can|i could|i'?ll try|i'?ll do my best|i'?ll see what i can do|i'?ll sort it|i'?ll get|i'?ll figure|i'?ll find|i'?ll have|i'?ll take care|i'?ll deal|i'?ll handle|i intend|i plan|i want to)\b.{0,40}\b(?:pay|settle|sort|money|it|transfer|send|cover|clear|something)\b|"
             r"\b(?:i'?ll try|i'?ll do my best|i'?ll see what i can do|as soon as (?:i can|possible)|soon|when i (?:can|get paid|get the money|have (?:it|the money))|next month|next week|eventually|i'?ll pay(?: it)?(?: back)?[.!]?$)")
REFUSE = (r"\b(?:i (?:can'?t|cannot|won'?t|will not|am not going to|refuse to|don'?t have|do not have|have no|'m not able to|am not able to|'m unable to|am unable to|couldn'?t)|"
          r"i'?m not (?:going to |gonna )?(?:pay|paying|able)|no way|not (?:today|possible|happening|going to happen|a chance|this (?:week|month))|impossible|forget it|not right now|not now|"
          r"there'?s no (?:way|money)|i'?m (?:broke|out of money|short)|(?:i |we )?(?:just )?don'?t have (?:it|the money|any money|that kind of money)|no (?:money|cash)|nothing (?:left|to pay|until))")
CLAIMS_PAID = (r"\b(?:i (?:already|have already|'ve already|'ve|have|just|did) (?:paid|sent|transferred|settled|made (?:the|that|a) (?:payment|transfer)|deposited|pay)|"
               r"already (?:paid|settled|sent|made|transferred|been paid|done)|i paid (?:it|that|this|you|the|in full|on|last|yesterday|already|two|three|a few)|"
               r"(?:it|that|this|the (?:loan|payment|installment|bill|debt))(?:'s| is| was| has)(?: already)?(?: been)? (?:paid|settled|taken care of)|paid (?:it )?in full|made the payment (?:on|last|yesterday)|"
               r"(?:i have|i've got|got) (?:the|a) receipt|(?:bank|money) (?:was|has been) (?:debited|taken)|(?:it|the money) (?:left|went out of) my account)")
