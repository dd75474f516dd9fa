"""English cues for each move, as regular expressions over folded (lower-case, accent-free) text.

Cues are combined by ``detect.py``: e.g. ask_payment_today needs a payment cue, a today cue and a
request form in the same sentence. Keep each list readable; add paraphrases as they show up in the
utterance set (tests/data), and re-run ``benchmarks/understanding_metrics.py``.
"""

W = r"(?:\w+\s+){0,3}"  # up to three filler words

NEGATION = r"\b(?:not|never|no|none|nobody|no one|nothing|without|won't|wont|wouldn't|don't|dont|doesn't|isn't|aren't|didn't|can't|cannot|neither|nor)\b|n't\b"
NEGATION_EXEMPT = r"\b(?:don'?t make me|if|unless|otherwise|or else|until|not (?:just|only)|why not|why don'?t you)\b"

PAY = (r"\b(?:pay|pays|paying|payment|paid|settle|settling|transfer|deposit|send (?:the|it|that|me|us|over|in|a)|"
       r"make (?:a |the |that |this )?(?:payment|transfer|deposit)|clear (?:the|it|this|your)|cover (?:it|the|that|this|part)|"
       r"take care of (?:it|this|that|the)|sort (?:it|this|that) out|get (?:it|this|that|the \w+) (?:sorted|done|paid|settled|cleared|taken care of)|"
       r"bring (?:the|your|it|this) (?:account |loan |balance )?up to date|catch up|pay (?:it|this|that) off|do (?:it|that|the (?:payment|transfer|deposit))|wire (?:it|the)|"
       r"(?:the|your|that|this) (?:amount|balance|installment|instalment|money)|"
       r"\$\s?\d|\d+\s?(?:dollars|euros|usd|eur)|funds)\b")
TODAY = (r"\b(?:today|tonight|2day|2nite|tonite|right now|(?<!for )(?<!until )(?<!till )(?<!by )(?<!from )now|immediately|right away|straight away|this (?:morning|afternoon|evening)|"
         r"before (?:noon|midday|lunch|the end of the day|end of day|close of business|\d{1,2}(?::\d\d)?\s?(?:pm|p\.m\.|am|a\.m\.)?(?:\s|$|\W)(?!tomorrow))|"
         r"by (?:noon|midday|lunch|\d{1,2}(?::\d\d)?\s?(?:pm|p\.m\.|am|a\.m\.)|(?:the )?end of (?:the )?day|close of business)|eod|within the hour|in (?:an|the next) hour|as we speak|this minute|"
         r"(?:as soon as|once|when|right after|straight after) (?:we|i) (?:hang up|finish|get off the phone|end (?:the|this) call|are done)|after (?:this|our|the) call)\b")
REQUEST = (r"\b(?:can you|could you|would you|will you|are you able|can we|could we|i need|we need|i'd like|i would like|i want|we'd like|"
           r"can u|could u|would u|pls|plz|would you mind|do you mind|would it be ok|i'?d (?:really )?appreciate (?:it )?if|i would (?:really )?appreciate (?:it )?if|i'?d be grateful if|"
           r"it would (?:really )?(?:help|be great|be good|be best) if|(?:it'?d|that'?d) (?:really )?(?:help|be great) if|if you could|i was hoping you (?:could|would|can)|you could|you might want to|"
           r"(?:going to|gonna|have to|want to|like to|need to) ask you to|ask you to|what if you|suppose you|"
           r"the best (?:thing|option|idea|way) (?:would be|is)|(?:it'?d|it would) be best|ideally|i'?d (?:suggest|recommend)|"
           r"i'm asking|i am asking|you need to|you have to|you must|you should|please|let's|lets|is it possible|would it be possible|"
           r"how about|what about|are you going to|i'm going to need|i'll need|we require|i expect|i'm calling to (?:ask|get|collect)|"
           r"need (?:you|it|the|that|this)|must be (?:paid|made|settled)|has to be|needs to be|got to|gotta|make sure|go ahead and|"
           r"(?:^|[,;] ?)(?:pay|transfer|send|settle|make|deposit) (?:it|the|that|this|me|us|now|today|\$)|any chance|is there any way|do you think you can|would you be able|can i get|could i get|ready to)\b")
PAST_QUESTION = r"\b(?:did you|have you|had you|were you|you (?:already )?paid|you've paid|how are you|how's your|how is your|called you|i called|i tried|was due|were due|is due|fell due|came due|due date|since)\b"

CONFIRM_IDENTITY = (r"\b(?:am i (?:speaking|talking) (?:with|to)|is (?:this|that|it)|would (?:this|that|you) be|are you|(?<!you're )(?<!youre )(?<!you are )speaking (?:with|to)|am i through to|have i got|"
                    r"(?:could|can|may) i (?:please )?(?:have|get) a (?:quick |brief )?word with|(?:put|get|pass) me (?:through|over) to|"
                    r"confirm (?:that )?(?:you'?re|you are|i'?m (?:speaking|talking) (?:with|to)|your (?:full )?name|your (?:date of birth|identity))|"
                    r"(?:could|can|may) i (?:please )?(?:speak|talk) (?:with|to)|i'?d like to (?:speak|talk) (?:with|to)|i would like to (?:speak|talk) (?:with|to)|"
                    r"i'?m (?:looking|trying to reach|calling for|trying to get hold of)|i am (?:looking|trying to reach|calling for)|looking for|"
                    r"^\W*is (?:\S+ ){1,3}(?:there|available|home|around|in)\b|may i ask if (?:i'?m|i am) speaking|do i have|have i reached|is this the (?:right|correct) (?:number|person))")
# A bare "Ms. Rivera?" (a title and a name asked as a question) also checks who is on the line.
IDENTITY_BARE = r"^\W*(?:(?:hello|hi|hey|good (?:morning|afternoon|evening))\W+)?(?:mr|mrs|ms|miss|dr|mister)\.? [a-z]+(?: [a-z]+)?\W*$"
IDENTITY_TARGET = r"\b(?:mr|mrs|ms|miss|mister|dr|sir|madam|ma'am|the account holder|the cardholder|the card holder|the borrower|the owner of|the customer|the person|the holder)\b"
# A security check meant to confirm the account holder: full name, date of birth, ID number
# ("Can you confirm your date of birth?", "could you give me your full name and DOB?", "what's your date of birth?").
# An address, phone number or e-mail check is not one.
IDENTITY_SECURITY = (r"\b(?:confirm|verify|give me|tell me|take|have|provide|state|need|get|spell|check|go through|what'?s|what is)\b[^.?!]{0,25}?"
                     r"\b(?:your|the account holder'?s) (?:full (?:legal )?name|first and last name|(?:full )?name and (?:your )?(?:date of birth|dob)|date of birth|birth ?date|d\.?o\.?b|"
                     r"social security number|ssn|(?:last (?:four|4) (?:digits )?of your )?(?:ssn|social)|identity|id number)\b")
IDENTITY_SECURITY_GATE = r"name|birth|dob|d\.o\.b|ssn|social|identity|id number"
# "is this kevin brennan?" in lower case: the two words after the cue (checked against COMMON_WORD).
IDENTITY_LOWER_NAME = r"^\W*(?:(?:hi|hello|hey|good (?:morning|afternoon|evening))\W+)?(?:is (?:this|that|it)|would (?:this|that) be|are you|am i (?:speaking|talking) (?:with|to)|speaking (?:with|to))\s+([a-z]+ [a-z]+)\W*$"
COMMON_WORD = (r"(?:a|an|the|this|that|your|my|his|her|our|their|me|you|him|them|it|ok|okay|right|sure|there|here|home|now|today|tomorrow|still|really|just|so|very|too|"
               r"good|fine|free|busy|ready|able|aware|serious|kidding|joking|done|back|in|on|at|for|with|to|of|and|or|not|all|going|calling|talking|listening|"
               r"time|moment|number|phone|call|line|account|email|address|person|man|woman|one|first|last|next|mr|mrs|ms|dr|\w+ing|\w+ly)")
IDENTITY_TRAP = r"\b(?:a good time|available to talk|free to talk|busy|ok|okay|alright|all right|there\?|still there|listening|aware|sure|able|ready|going to|willing|serious|kidding|joking|a firm|a promise|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow)\b|already|right|correct|true)"

IDENTIFY_SELF = (r"\b(?:my name is|my name's|introduce myself|i'?m \w+ (?:from|with|at|of|calling from)|i am \w+ (?:from|with|at|of|calling from)|"
                 r"[a-z]+ here,? (?:from|at|with)|(?:this is|it'?s) [a-z]+(?: again)? (?:from|at|with|calling)|"
                 r"(?:i'?m|i am|we are|we're) (?:calling|ringing|phoning|contacting you|reaching out) (?:you )?(?:from|on behalf of)|"
                 r"(?:calling|call you|ringing) (?:from|on behalf of)|(?:i'?m|i am|we are|we're) (?:from|with) (?:the |your )?[a-z]+|"
                 r"here (?:from|at) [a-z]+|it'?s \w+ (?:from|at|with) |(?:i work|working) (?:for|with|at|in) |on behalf of|"
                 # "You're speaking with Alicia from…", "Sofia from the Northwind recoveries team here", "I'm part of the collections team"
                 r"you'?re (?:speaking|talking) (?:with|to) [a-z]+|you are (?:speaking|talking) (?:with|to) [a-z]+|[a-z]+ (?:from|at|with) (?:the )?(?:[a-z]+ ){1,5}here\b|"
                 r"(?:i'?m|i am) (?:part of|on) (?:the|your) (?:[a-z]+ ){0,3}(?:team|department)|(?:i'?m|i am) your (?:account manager|case manager|advisor|adviser|agent|contact)(?: at| from| with)?)")
IDENTIFY_SELF_TRAP = r"\b(?:i'?m (?:from|with) you|i'?m with you on|calling (?:from|on behalf of) (?:him|her)|(?:i'?m|i am) (?:speaking|talking|sorry|not|here|just|still|calling about|afraid|sure|going|trying|happy|glad))\b"
# "This is Dana" / "It's Dana" / "I'm Dana": the word after it must be a capitalised name in the original text.
IDENTIFY_SELF_NAME = r"\b(?:this is|it'?s|i'?m|i am)\s+([a-z]+)\b"
IDENTIFY_SELF_NOT_NAME = r"^(?:Seriously|Pardon|Excuse|Correct|Hello|Deal|Agreed|Understood|Done|Cash|Card|Transfer|Online|Anyone|Anything|Everything|Nothing|Someone|Really|Honestly|Great|Fine|Good|Morning|Afternoon|Evening|Tonight|Tomorrow|Today|Noon|Yes|No|Sorry|Hello|Hi|Thanks|Great|Perfect|Right|Sure|What|When|How|Why|Who|Where|Which|Ms|Mr|Mrs|Miss|Dr|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Okay|OK|Not|Just|So|Really|Very)$"


# State of *this* debt: owed, late, overdue, missed, unpaid, not received, bounced, behind, or its amount.
DEBT = (r"\b(?:overdue|past due|late|missed|outstanding|unpaid|in arrears|arrears|behind (?:on|with)|owe|owed|owes|owing|debt|debts|"
        r"(?:months?|weeks?|days?|payments?|installments?|instalments?) behind|(?:is|are|'s|'re|now|still) (?:\w+ ){0,3}behind|"
        r"defaulted|in default|delinquent|still due|(?:has|have)(?:n't| not) been (?:paid|received|made|deducted|covered)|"
        r"(?:haven'?t|have not|hasn'?t|didn'?t) (?:received|got|seen) (?:anything|any payment|the payment|a payment|your payment|a penny|a cent)|"
        r"(?:was|wasn't|were) (?:due|not paid|not received|never paid)|wasn'?t (?:the |your )?(?:payment|installment) (?:made|paid)|bounced|returned unpaid|(?:didn't|did not) go through|"
        r"pending (?:balance|amount|payment)|balance of|balance is|amount due|the amount of \$|due (?:on|since|last)|"
        r"(?:is|are|was) due|falls due|fell due|sin pagar|"
        # the payment never arrived: "your March installment never came through", "the payment still hasn't arrived"
        r"(?:payment|installment|instalment|direct debit|transfer|deposit)s?\b[^.?!]{0,30}?\b(?:never|still (?:hasn'?t|has not|not|isn'?t)|hasn'?t|has not|didn'?t|did not|wasn'?t|was not|haven'?t|have not)(?: yet)? "
        r"(?:c[ao]me (?:through|in)|arrived?|reached us|g[oe]ne? through|went through|cleared|been (?:received|credited|processed)|show(?:n|ed)? up|landed|turned up|got to us)|"
        r"(?:we|i) (?:still )?(?:haven'?t|have not|didn'?t|did not|never) (?:seen|had|gotten|got) (?:your|the|a|any) (?:payment|installment|transfer|money)|nothing has (?:come in|arrived|been paid)|no payment has (?:come in|arrived|been made)|"
        r"(?<!why )(?<!why have )(?:you|you still) (?:haven'?t|have not|didn'?t|did not|never) (?:paid|made|sent|covered) (?:the|your|this|last|that|it|anything|a penny)|"
        r"(?:left|still) (?:to pay|owing|outstanding)|remaining balance|(?:delay|lateness) (?:in|with|of) (?:the|your|this) (?:payment|installment|instalment))\b")
# General or hypothetical wording that shares those words but is not about this debt (masked out first).
DEBT_MASK = (r"\b(?:(?:any|every|all) (?:overdue|late|unpaid|outstanding) (?:balance|account|amount|payment|installment|instalment|debt)s?|"
             r"if (?:this|it|the \w+|your \w+|that) (?:stays|remains|is|goes|isn'?t|is not|continues to be|becomes) (?:\w+ )?(?:unpaid|overdue|outstanding|late|behind)|how (?:are|is) your|late (?:call|hour|night)|too late|see you later|sorry i'?m late|running late|is it late|late in the day|"
             r"late(?:-payment)? (?:fees?|charges?|penalt\w+|interest)|late payments\b|(?:a|any|every) late payment|(?:every|each|per) (?:day|week|month) (?:it'?s |you'?re )?late|"
             r"paying late|pay late|(?:to|on|for) (?:all |any )?overdue (?:balances|accounts|amounts|payments)|up to date|behind (?:it|this|that)|what'?s behind)\b")
DEBT_TRAP = r"$^"

# Open questions about when the debtor will pay, no time proposed ("wen can u pay" included).
_WHEN_PAY = r"(?:pay|paying|settle|settling|make|making|transfer|send|deposit|cover|clear|take care|sort|have (?:the|it|that|some)|get (?:the|it|us|your|this)|do (?:it|the|that)|catch up|bring|put (?:the|it)|square)"
ASK_WHEN = (r"\b(?:"
            # when + auxiliary + up to five words + a payment verb: "when can you pay", "when are you thinking of paying",
            # "when do you expect to be able to pay", "when could you bring the account up to date"
            rf"(?:when|wen)(?: exactly| roughly| realistically)? (?:can|could|will|would|do|are|might|shall)(?: you| u)?(?: \w+){{0,5}}? {_WHEN_PAY}|"
            # embedded: "tell me when you can pay", "do you know when you'll be able to pay?", "is there a date when you'll pay?"
            rf"(?:tell me|let me know|do you know|any idea|have you (?:any idea|thought about)|can you tell me|i'?d like to know|i need to know|wondering|is there a (?:date|day|time)|have you got a (?:date|day)) "
            rf"(?:when|by when|for when) (?:you|u)(?:'ll|'d| will| would| can| could| might| think)?(?: \w+){{0,4}}? {_WHEN_PAY}|"
            r"(?:what|which) (?:date|day) (?:works|would work|suits|would suit|is (?:good|best|better)|would be (?:good|best|better))(?: best)?(?: for you)?(?: to| for)|how soon (?:can|could|will|would)|"
            r"when (?:would|will|does) (?:it )?suit you|when (?:will|would|is) (?:the|your) (?:money|payment|transfer|funds) (?:be )?(?:coming|arrive|come|go|reach)|"
            r"(?:what|which) (?:date|day|time) would (?:work|suit|be (?:good|best|better|convenient)) (?:for you )?(?:to|for)|when exactly\?|"

            r"when (?:can|could|will|might) (?:we|i) (?:expect|count on|receive|get|see) (?:the |your |a )?(?:payment|money|funds|it)|"
            r"(?:what|which) (?:date|day) (?:can|could|will|would|are|do) you|by when (?:can|could|will)|"
            r"when (?:is|would) (?:a good|the|a) (?:time|date) (?:for you )?to pay|any idea when|when do you think|how soon can you|how long (?:until|before|will it take))")

# Why the payment was missed, what is in the way, or a follow-up probe on the reason given.
ASK_REASON = (r"\b(?:what(?:'?s| is| has| was)?(?: been)? (?:happened|happening|went wrong|going on|the (?:problem|issue|reason|obstacle|difficulty)|caused|"
              r"(?:prevented|stopped|kept|stopping|preventing|keeping|holding) you|made you|up|wrong|exactly happened|behind (?:it|this|the))|"
              r"why (?:didn'?t|did not|haven'?t|have not|wasn'?t|was not|isn'?t|couldn'?t|could not|can'?t|cannot|won'?t|hasn'?t|weren'?t|aren'?t|is(?: it)?|was(?: it)?|did|are you|were you|the delay|no payment|so late)|"
              r"how come|is there (?:a|any) (?:reason|problem|issue)|was there (?:a|any) (?:reason|problem|issue)|any (?:particular )?reason|(?:is|was) (?:that|it|the \w+(?: \w+)?) the reason|"
              r"(?:can|could) you (?:tell|explain to) me (?:why|what|the reason|more)|help me understand|tell me (?:more|what happened|why|about (?:it|that|the))|"
              r"what'?s (?:the )?(?:situation|story)|what is the situation|who did you lend|who (?:has|owes|borrowed)|"
              r"(?:when|what time|what day)(?: exactly)? (?:are|will|do) you (?:get |be |come |coming )?back|how long (?:are|will|is|have) (?:you|your \w+|he|she)(?: been| be)? (?:away|travel|gone|there|out|expected|off|in (?:hospital|the hospital))|"
              r"where are you (?:now|travel)|when (?:does|will|is) (?:your|the|he|she|they) (?:customer|client|friend|employer|company|pay|salary|paycheck)|"
              r"is (?:something|anything) (?:wrong|going on|else)|has something happened|did something happen|are you (?:ok|okay|having (?:trouble|problems|difficult))|"
              r"what (?:about|is) your (?:situation|income|work|job)|did (?:you lose|something|you (?:just )?forget)|what (?:would|could) help you|what'?s making it|what is making it|"
              r"(?:is it|was it) (?:a|an) (?:problem|issue) with|were you (?:expecting|waiting for)|"
              r"how (?:much|did) (?:did )?(?:you|he|she|the \w+(?: \w+)?) (?:lend|borrow|cost)|"
              # what is in the way: "is there something stopping you?", "what's getting in the way?", "what made it hard to pay?"
              r"(?:something|anything) (?:stopping|preventing|keeping|holding|in the way|getting in the way|making it (?:hard|difficult))|(?:getting|standing) in the way|"
              r"what (?:made|makes|has made) it (?:so )?(?:hard|difficult|impossible|tough)|what kept you from|stopp(?:ed|ing) you from|"
              # probes on the reason given: "how long will the repairs take?", "how long is she in hospital for?"
              r"how long (?:will|does|would|did|is|are|could) (?:the|your|it|that|this)(?: \w+)? (?:take|last|be)|"
              # embedded why: "do you mind telling me why you couldn't pay?", "I'd like to understand what happened"
              r"(?:tell(?:ing)? me|know|ask|understand|wondering|explain) (?:what happened|what went wrong|what'?s going on|why (?:you|the|it|there|that))|"
              r"when (?:did|do) you (?:expect|think) (?:he|she|they|your friend) (?:will|would|to) (?:pay|return))")
ASK_REASON_TRAP = r"\b(?:what(?:'s| has)? happen(?:ed|ing) (?:to|with|in|at|on) (?:the |your |that |this )?(?:old |new )?(?:weather|game|match|number|phone|line|email|address|team|show|party|final|traffic|film|movie|news|series|election|call|website|app)|what can i do for you|what'?s up with the weather|what kind of (?:idiot|person|moron|fool|loser)|why (?:not|don'?t you|don'?t we) (?:ask|try|borrow|use|start|pay|call))\b"

CONSEQUENCE = {
    "late_fees": (r"\b(?:late(?:-payment)? (?:fee|fees|charge|charges|payment fees?|penalt(?:y|ies)|interest)|penalt(?:y|ies)|penalty interest|default interest|"
                  r"(?:extra|additional|more) (?:charges|interest|fees|costs)|interest (?:will )?(?:keeps? |continues? to )?(?:accru|grow|add|pil|build|go up|increase)|"
                  r"(?:fees?|charges?) (?:will )?(?:keep |start to |continue to )?(?:add|accru|pil|grow|increase|go up|build|apply)|surcharge|fines\b|a fine\b|"
                  r"(?:interest|fees?|charges?|penalt\w+|costs?) (?:will |would |could |may |might |is going to |are going to |is |are |gets |get )?(?:keep )?(?:be(?:ing)? )?(?:added|charged|applied|incurred)|(?:further|extra|additional) (?:charges|interest|fees|costs)|"
                  r"(?:costs?|cost you) (?:more|extra)|more expensive|owe (?:even )?more|(?:balance|debt|amount) (?:will )?(?:grow|keep growing|increase|go up))"),
    "credit_record": (r"\b(?:credit (?:record|report|history|score|rating|file|bureau|bureaus|reference|profile|standing|reputation)|"
                      r"(?:report(?:ed)?|flag(?:ged)?|register(?:ed)?) (?:it |this |you )?(?:to|with) (?:the )?(?:credit|bureau|agencies)|bureaus?|equifax|experian|transunion|"
                      r"blacklist|negative (?:mark|record|entry|listing)|bad credit|your credit|credit (?:agencies|reference agencies))"),
    "future_credit": (r"\b(?:(?:harder|difficult|impossible|hard|tougher|more expensive) (?:for you )?to (?:get|obtain|borrow|qualify|find|take out|access)|"
                      r"(?:refused|denied|declined|rejected|turned down)(?: for)? (?:a |any |future |new |another )?(?:car |home |personal |student |bank |phone )?(?:credit|loans?|financing|mortgage|cards?|contract|lease|rental)|"
                      r"(?:banks|lenders) (?:check|look at|see|consult) (?:these|those|the|your) (?:records|files|reports)|"
                      r"future (?:loans?|credit|borrowing|applications?|financing|mortgage)|(?:get|obtain|qualify for|approved for) (?:a |any |another |new )?(?:loan|mortgage|credit|car loan|financing|card)|"
                      r"(?:lenders|banks|other lenders|other banks) (?:will|may|might|could|won't) |no (?:lender|bank) will)"),
    "legal": (r"\b(?:legal (?:department|action|proceedings|process|team|route|steps|measures|channels)|"
              r"(?:refer(?:red)?|escalat(?:e|ed)|sen[dt]|pass(?:ed)?|hand(?:ed)?|transferr?(?:ed)?|forward(?:ed)?|move[ds]?|go(?:es)?) (?:on |it |the account |your account |the case |your case )?(?:to|over to|on to) (?:our |the |a |an |external )?(?:legal|collection|collections|debt collection|recovery|lawyers?|attorneys?|court|solicitors?|litigation|agency)|"
              r"court (?:proceedings|action|claim|process|order|case)|lawsuit|(?:be )?sued|take (?:you |this |it )?to court|taken to court|litigation|collections? agency|debt collectors?|small claims|judgment|judgement|"
              r"(?:a |the )?court (?:could|may|might|can|would)|legal (?:costs|fees)|recover(?:y|ies) (?:team|department|agency))"),
}

_HELPER = r"(?:friend|relative|family member|family|brother|sister|parents?|partner|spouse|mom|mum|dad|mother|father|husband|wife|son|daughter|cousin|uncle|aunt|boss|employer|grandparents?|in-laws|someone|anyone|somebody|anybody)"
FUNDING = (r"\b(?:"
           rf"(?:could|can|would|might|will) (?:your|a|any|some) (?:\w+ )?{_HELPER}s? (?:\w+ )?(?:pay|cover|help|lend|loan|spot|front|chip in|contribute|advance)|"
           rf"(?:is there|do you have|have you got|do you know) (?:anyone|someone|somebody|a {_HELPER}|any {_HELPER}s?)\b[^.?!]{{0,25}}?\b(?:could|can|might|would|who)\b[^.?!]{{0,20}}?\b(?:lend|help|cover|pay|spot|front|loan|advance)|"
           r"(?:an |a )?(?:advance|loan) (?:on|from|against) your (?:salary|pay|wages|paycheck|next paycheck)|payday advance|for an advance|"
           r"borrow|lend you|loan (?:you|from)|ask(?:ing)? (?:a |your |some )?(?:friend|relative|family|brother|sister|parents?|partner|spouse|mom|mum|dad|mother|father|husband|wife|boss|employer)|"
           r"(?:a |any |your )?(?:friend|relative|family member|family)s? (?:could|can|might|who could|who can) (?:help|lend|cover|pay|front|spot)|"
           r"(?:pay|cover|make|send|transfer|put down) (?:a |at least )?(?:part|portion|some|partial|half|a bit|something|a little)|partial payment|part payment|"
           r"(?:part|some|half|a portion) of (?:it|the (?:amount|balance|money|payment|debt))|(?:any|your) savings|savings account|"
           r"(?:use|with|by|put it on) (?:a |your |another )?(?:credit |debit )?card|(?:another|a different|your other) card|"
           r"(?:atm|cash machine|cashpoint|bank branch|branch|post office|oxxo|convenience store|pay ?point|barcode)|tax refund|bonus|(?:access to|log ?in(?:to)?) your (?:account|online|bank)|"
           r"(?:your|a) (?:brother|sister|parents?|mother|father|mum|mom|dad|partner|wife|husband|friend|son|daughter|family|relatives?) (?:could|can|might|would|to) (?:pay|cover|help|lend|make|transfer|spot)|"
           r"even (?:\$\s?\d+|\d+ (?:dollars|euros))|(?:would|could) (?:still )?help|manage (?:that much|something|a bit|some)|"
           r"pay (?:it )?by card|(?:transfer|pay|send) (?:it |the money )?(?:online|from (?:your|the) (?:phone|app|mobile)|by (?:phone|app|card|bank transfer))|"
           r"online banking|mobile (?:banking|app)|banking app|bank app|from where you are|wherever you are|from your hotel|from abroad|"
           r"payment plan|advance (?:on|from) your (?:salary|pay|wages)|salary advance|sell|overdraft|someone (?:could|can) (?:pay|transfer|lend)|"
           r"(?:pay|transfer) (?:it )?(?:on|for) your behalf|(?:ask|get) (?:your friend|him|her|them) to (?:pay|return|give) (?:you )?(?:back|the money|it)|"
           r"(?:recover|get) (?:the money|it) back from|contact (?:details|information) of (?:your friend|the person|them)|a smaller amount|minimum payment|whatever you can)\b")

_DAYS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|the day after)"
PRESS = (r"\b(?:"
         rf"{_DAYS} or (?:on )?{_DAYS}|(?:in the )?(?:morning|afternoon|evening|lunchtime) or (?:in the )?(?:morning|afternoon|evening|lunchtime|night)|(?:the )?\d{{1,2}}(?:st|nd|rd|th) or (?:the )?\d{{1,2}}(?:st|nd|rd|th)|"
         r"(?:put|pencil|book|mark|write|note|sign) you (?:down |in )?for|(?:can|shall|should|could) (?:i|we) (?:say|book|schedule|set|make it|lock in)|"
         r"what time|at what time|which day|what day (?:this week|tomorrow|exactly)|what (?:exact|specific) (?:time|day|date)|"
         r"(?:give me (?:a|an|the)|tell me (?:a|an)) (?:specific |exact |firm |concrete )?(?:time|date|day|hour)|(?:specific|exact|firm|concrete|definite) (?:time|date|day|hour|commitment)|"
         r"can (?:you|i get you to) commit|will you commit|commit to|(?:do|can) i have your (?:word|commitment|promise)|can i count on|can you promise|(?:will|can) you (?:guarantee|promise)|promise me|"
         r"by what time|how about (?:tomorrow|today|tonight|this|\d|at \d|before|noon)|what about (?:tomorrow|today|tonight|this|\d|at \d|before|noon)|(?:today|tonight) or (?:tomorrow|first thing)|"
         r"at the latest|no later than|let'?s (?:say|set|agree|make it|put)|(?:shall|should) we say|is (?:\d|noon|tomorrow|today|that time)\S* (?:ok|okay|possible|good|fine)|"
         r"(?:before|by|at) (?:\d{1,2}(?::\d\d)?\s?(?:pm|am|p\.m\.|a\.m\.|o'clock)?|noon|midday)\b.{0,12}(?:\?|ok|okay)|"
         r"what time (?:today|tomorrow|tonight)|(?:tomorrow|today) (?:morning|afternoon|evening) then\?|which (?:is|would be) (?:better|easier)|"
         r"can you (?:do|make) (?:it|that|the payment) (?:by|before|at|tomorrow)|(?:latest|earliest) (?:time|day)|"
         r"(?:need|want) (?:a|an) (?:exact |specific |firm |definite )?(?:day|date|time)|a day and a time|(?:firm|definite) promise|a promise for)")

# "What time is it over there?" asks the clock, not for a commitment; "I'll call you tomorrow at 10" announces a call.
PRESS_MASK = r"\b(?:what time is it|what'?s the time|what time (?:is it )?(?:there|over there|where you are)|(?:i'?ll|i will|we'?ll|we will|i'?m going to) (?:call|ring|phone|try) you)\b.*"
CONFIRM = (r"\b(?:so,? to confirm|just to confirm|to confirm|let me confirm|i(?:'d| would) like to confirm|can i confirm|confirming|i'?ll confirm|"
           r"let me (?:recap|summari[sz]e|repeat|read (?:that|it) back|make sure i have)|to (?:recap|summari[sz]e|sum up)|"
           r"so (?:that'?s|we have|we'?re agreed|we agreed|you(?:'ll| will)|you'?re going to|we'?re saying|just so we'?re clear|the plan is)|"
           r"i'?ll (?:note|make a note|put (?:that|it|this) down|record|register|log|mark|update)|i(?:'ve| have) (?:noted|written|put|logged|recorded)|"
           r"(?:that'?s|it'?s) noted|noted[:,]|(?:just )?to be clear|as (?:we|you) (?:said|agreed|discussed)|i'?ll (?:be )?(?:expect|watch|look out|keep an eye out)(?:ing)? for|"
           r"i'?ll expect|(?:\d(?:st|nd|rd|th)?|tomorrow|tonight|today|noon|[ap]m|monday|tuesday|wednesday|thursday|friday|saturday|sunday) then\b(?!\?)|"
           r"(?:we'?re|we are) agreed|agreed then|so we agree|we have (?:a deal|an agreement)|(?:it'?s|that'?s) a deal|(?:then|so) (?:it'?s|we have) (?:a deal|settled)|"
           r"(?:is that|that'?s) (?:correct|right)\?|(?:you(?:'ll| will)|you are going to) (?:pay|transfer|send|make)\b.{0,60}\b(?:correct|right|yes)\?|"
           r"i'?m (?:noting|writing (?:that|it) down|putting (?:that|it) (?:down|on))|(?:note|put|record|log)(?:d|ed)? (?:that |it |this )?(?:on|in) (?:your|the) (?:account|file)|"
           r"(?:i'?m|we'?re|we are|i am|we'?ll be) expecting (?:your|the) (?:payment|transfer)|"
           rf"{_DAYS} it is|(?:the )?\d{{1,2}}(?:st|nd|rd|th) it is|(?:i'?ve|i have) (?:got|put|booked|scheduled|pencilled|penciled|marked|set) you (?:down )?(?:for|as)|you'?re (?:down|booked|scheduled|all set) for|"
           r"(?:i'?ve|i have) (?:scheduled|booked|set up|registered|logged) (?:the|your|a) (?:payment|promise|arrangement)|"
           r"so (?:you'?re|you are) \w+ing|(?:so,? )?your (?:promise|commitment) is|(?:^|ok |okay |right,? |great,? |good,? |perfect,? |excellent,? |lovely,? |alright,? |brilliant,? )so[,:]? (?:\$?\d|tomorrow|tonight|today|on \w+|the \d|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d))")
# A confirmation tag ("…, is that right?") does not make a recap a press for a time.
CONFIRM_TAG = r"\b(?:is that (?:right|correct)|right\?|correct\?|yes\?|ok\?|okay\?|have i got that right)"
# A sentence that is nothing but a tag belongs to the sentence before it.
TAG_ONLY = r"\W*(?:is that (?:right|correct)|right|correct|yes|ok|okay|agreed|deal)\W*"
# Recaps that need a time in the same sentence to count.
CONFIRM_NEEDS_TIME = r"\b(?:i'?ll (?:note|make a note|put (?:that|it|this) down|record|register|log|mark)|so (?:you(?:'ll| will)|you'?re going to|you'?re|you are)|(?:ok |okay |right,? |great,? |good,? |perfect,? |excellent,? |lovely,? |alright,? |brilliant,? )?so,? (?:\$?\d|tomorrow|tonight|today|on \w+|the \d|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d))"
# Checking an address, e-mail or phone number is not a commitment recap.
CONFIRM_TRAP = r"\b(?:address|e-?mail|phone number|postcode|zip code|date of birth)\b"

EMPATHY = (r"\b(?:i (?:completely |totally |fully |really |do |really do )?(?:understand|get it|get that|hear you|can (?:only )?imagine|realise|realize|sympathi[sz]e|see how|see why|see that)|"
           r"i (?:really |do )?appreciate (?:that|how|this is|it'?s|it is|you(?:'re| are)? (?:being|telling|sharing|explaining|taking)|your honesty|you being|what you)|"
           r"(?:so |very |really )?(?:sorry|sry|soz) (?:to hear|about (?:that|your|the))|i can'?t imagine|this (?:can'?t|cannot|isn'?t|is not) (?:be )?(?:easy|pleasant|a nice call)|"
           r"(?:that'?s|that is|what a|such a|sounds like a|must be a|it'?s been a|you'?ve had a|that must be a)(?: really| very| so| an?| incredibly| truly| such a){0,3} "
           r"(?:difficult|hard|tough|rough|awful|terrible|stressful|horrible|heartbreaking|worrying|frightening|scary|frustrating|sad|painful|upsetting) (?:situation|time|spot|position|place|moment|period|thing|experience|few (?:days|weeks|months)|week|month|year)|"
           r"i'?m (?:so |really |very |truly |terribly )?sorry\b(?!,? (?:to (?:bother|call|disturb|interrupt)|for (?:calling|the (?:call|delay|wait|interruption|noise|intrusion)|bothering)|the line|i (?:missed|didn'?t (?:catch|hear))))|"
           r"sounds? (?:like you'?ve had|(?:really |so |very )?(?:worrying|stressful|hard|difficult|tough|awful|exhausting|scary|frightening|overwhelming))|a lot on your plate|what a (?:week|month|time|year|day)|"
           r"(?:is|are|'s) (?:really |so |very )?(?:hard|tough|difficult|stressful)\b|fair enough|(?:that )?happens to (?:a lot of|many|lots of) people|(?:money|things) (?:is|are) tight|"
           r"i'?m (?:so |very |really |truly )?sorry (?:to hear|about|for|that|you)|(?:so |very |really )?sorry to hear|that (?:must be|sounds|must have been|'?s really|is really) (?:hard|difficult|tough|rough|stressful|frustrating|awful|terrible|a lot)|"
           r"that'?s (?:rough|tough|hard|unfortunate|awful|terrible|a lot)|(?:must|might|would|can'?t) (?:have been|be)(?: a| an| such a)?(?: really| very| so| incredibly| truly){0,2} (?:hard|difficult|tough|rough|awful|terrible|stressful|horrible|scary|worrying|frustrating|painful)|must be (?:hard|difficult|tough|stressful)|i know (?:how|it'?s|this is|that'?s|that can)|"
           r"thank you for (?:telling|explaining|sharing|being (?:honest|open))|thanks for (?:telling|explaining|sharing|being honest)|"
           r"i appreciate (?:you|your|that)|i know (?:money|things|times|it|this|life)(?:'s| is| are| has been| have been)? (?:\w+ )?(?:tight|hard|tough|difficult|rough)|(?:it'?s|that'?s) (?:understandable|completely understandable)|(?:oh )?no,? i'?m sorry|(?:i'?m )?sorry for your loss|"
           r"these things happen|take your time|that'?s okay|no problem,? (?:i|we)|we'?re here to help|i want to help|let'?s (?:find|work out|figure out) a (?:way|solution))")
EMPATHY_TRAP = r"\b(?:i understand (?:that )?you (?:owe|have|haven't|didn't|still)|i understand the (?:payment|loan|debt))\b"

VERIFY = {
    "amount": r"\b(?:how much (?:did|have|had|was|exactly)(?: you| it| the payment| that)?(?: pay| paid| send| sent| transfer| deposit)?|what (?:was the |amount|sum)|(?:the|what) amount (?:you|of (?:the|your) payment|paid|did|was)|exact amount|full amount or|was (?:it|that) the full|(?:date|time) and (?:the )?amount)",
    "date": r"\b(?:(?:what|which) (?:time|date|day)\b(?: \w+){0,4}? (?:did|was|were) (?:you|it|the (?:payment|transfer|deposit|money))|(?:tell me|know|remember) when you (?:paid|sent|made|transferred|did)|when (?:did|have|exactly did|was|were)(?: you)?(?: make| made| pay| paid| send| sent| do| transfer| deposit| it| that| the payment)|what (?:date|day) (?:did|was|were|exactly)|date of (?:the|your|that) (?:payment|transfer)|on what (?:date|day)|which (?:date|day) did|the date and|did the money (?:leave|go out|come out))",

    "channel": (r"\b(?:how did you (?:pay|make|send|transfer|do)|(?:tell me|know|remember|explain) (?:how|where) you (?:paid|sent|made|transferred|did)|which (?:account|bank|method|channel|card|number|branch|app)|what (?:account|bank|method|channel|reference|card)|"
                r"(?:by|through|via) (?:which|what)|where did you (?:pay|send|transfer|make)|(?:receipt|reference number|confirmation (?:number|code|email)|transaction (?:id|number|reference)|proof of payment)|"
                r"(?:bank transfer|cash|card|app|online)(?:,| or) (?:by )?(?:bank|cash|card|app|online|transfer|check)|account number|iban|"
                r"did you pay (?:it |that )?(?:by|online|at|with|through|via|in cash|from)|was (?:it|that) (?:paid )?(?:into|through|by|via|from|at|online)|"
                r"(?:account|card) ending in|what name was|(?:in|under) (?:what|which|whose) name|over the counter|still pending)"),

}
VERIFY_CONTEXT = r"\b(?:paid|pay|payment|transfer|sent|send|deposit|receipt|account|bank|it|that|did you|get|got|made)\b"

CALLBACK = (r"\b(?:when (?:can|could|would|will|might|should|is a good time to) (?:i|we) (?:reach|call|get hold of|catch|contact|speak|talk|find)|"
            r"(?:best|good|better|right|easiest) (?:time|day|number|way|place) to (?:reach|call|contact|catch|get hold of|speak|find)(?! you)|"

            r"(?:a|another|better|different) (?:number|phone) (?:to reach|to call|for (?:him|her|them))|"
            r"what time (?:is|does|will|do) (?:he|she|they) (?:usually |normally )?(?:home|back|in|finish|get|leave|arrive|come)|"
            r"what time (?:can|could|should) (?:i|we) (?:find|reach|call|catch|get hold of)|what time (?:he|she|they) (?:usually |normally )?(?:finish|get|come|leave|arrive|is|are)\w*|(?:ask|asking|tell|telling) (?:him|her|them) to (?:give (?:me|us) a (?:call|ring)|call|ring)|"
            r"give (?:me|us) a (?:call|ring)(?: back)?|"
            r"when (?:will|would|does|is|might) (?:he|she|they|mr\.?|mrs\.?|ms\.?|your (?:husband|wife|son|daughter|partner|brother|sister|father|mother))\b.{0,30}?(?:be )?(?:back|home|available|in|around|free|reachable|arrive|return|get)|"
            r"(?:ask|tell) (?:him|her|them|[a-z]+) to (?:call|ring|contact|get back|phone|return)|(?:call|ring) (?:me|us) back|"
            r"have (?:him|her|them) (?:call|ring|contact|get)|pass (?:on )?(?:a |the |my )?message|leave (?:a|my|him a|her a) (?:message|number)|"
            r"give (?:him|her|them) (?:a|the|my) (?:message|number)|return (?:my|the|our) call|get in touch with (?:me|us)|"
            r"is there (?:a|another) (?:number|way) (?:to|i can|where)|how can i (?:reach|contact|get hold of)|"
            # "is he usually free in the evenings?", "does she have a mobile I could reach her on?", "where can I reach him?"
            r"(?:is|will|would|are) (?:he|she|they) (?:usually |normally |generally |ever )?(?:be )?(?:free|available|around|reachable|home|in|back)\b|"
            r"(?:mobile|cell|number|phone|email|work number|landline)(?: number)? (?:i|we) (?:could|can|might|should) (?:reach|call|contact|try|get)|"
            r"(?:where|how|when) (?:can|could|would|might|should) (?:i|we) (?:best )?(?:reach|contact|get hold of|catch|find|get in touch with|call) (?:him|her|them)|"
            r"(?:best|good|better|easiest) (?:time|day|way|number) (?:for|to) (?:reach(?:ing)?|call(?:ing)?|contact(?:ing)?|catch(?:ing)?) (?:him|her|them)|"
            r"(?:let|tell) (?:him|her|them) (?:know )?(?:that )?i (?:called|rang|phoned)|(?:call|ring|phone|contact) me (?:back )?(?:when|as soon as|once) (?:he|she|they))")

THIRD_PARTY_PAY = (r"\b(?:(?:could|can|would|will) you (?:pay|cover|settle|take care of|make)\b.{0,40}\b(?:for (?:him|her|them)|on (?:his|her|their) behalf|instead|yourself)|"
                   r"(?:pay|cover|settle) (?:it|the debt|his debt|her debt|the amount|what he owes|what she owes) (?:for|on behalf of) (?:him|her|them)|"
                   # "you could help your son out by paying it yourself", "it would help if you paid his part for him"
                   r"\byou\b[^.?!]{0,30}?\b(?:pay|paid|paying|cover|covered|covering|settle|settled|settling|take care of|chip in)\b[^.?!]{0,40}?\b(?:for (?:him|her|them)|on (?:his|her|their) behalf|instead of (?:him|her|them)|yourself|(?:his|her|their) (?:part|share|debt|bill|installment|instalment|payment|loan))|"
                   r"(?:help|helping) (?:your \w+|him|her|them) (?:out )?(?:by|with) (?:paying|covering|settling)|(?:could|can) (?:the|your) family (?:chip in|pay|cover|club together)|"
                   r"help (?:him|her|them) (?:pay|with the payment|out with)|(?:lend|give) (?:him|her) the money|would you be willing to pay|could you help (?:him|her) (?:pay|out))")

ABUSE = (r"\b(?:deadbeat|idiot|idiots|stupid|moron|morons|loser|liar|scum|scumbag|parasite|thief|crook|pathetic|worthless|useless|dumb|imbecile|"
         r"bastard|bitch|asshole|arsehole|jerk|fuck|fucking|fucker|shit|bullshit|damn you|shut up|piece of (?:shit|garbage|trash|work)|lowlife|low-life|"
         r"freeloader|leech|clown|cheat|cheater|sponger|bum|trash|garbage person|dimwit|halfwit|retard|disgrace|pig|cretin|fool|prick|dick|crap|"
         # sarcasm and demeaning put-downs
         r"f[*#@]{2,}\w*|(?:sh|b|a)[*#@]{1,4}\w*|shut (?:your|ur) (?:mouth|face|trap|gob)|shut it|(?:you'?re|you are|what) an? (?:\w+ )?joke|you people|get a brain|are you (?:deaf|thick|dense|slow)|"
         r"scrounger|scroungers|genius|can you even|whining|whinging|like a (?:child|baby|kid)|grow up|what the (?:hell|fuck|heck) is wrong with you|bloody)\b")
ABUSE_TRAP = r"\b(?:not (?:calling|saying) you(?:'re| are)? (?:a |an )?|i'?m not (?:calling|saying))"

THREAT = (r"\b(?:police|cops|arrest(?:ed)?|jail|prison|locked up|behind bars|handcuff|"
          r"(?:send|sending|sent) (?:someone|somebody|people|a guy|guys|our (?:people|team|agents?|guys)|the boys|collectors?) (?:to|round|over|after)|"
          r"(?:come|coming|show up|turn up|visit(?:ing)?|knock(?:ing)? on) (?:to )?(?:your|you at your|at your|to your) (?:house|home|door|work|office|place|job)|"
          r"(?:we|i)(?:'ll| will| are going to|'re going to|'m going to| am going to) (?:find you|make you (?:pay|regret|sorry)|hurt|break|ruin|destroy|make your life|get you|come after)|"
          r"(?:you'?ll|you will|you'?re going to) (?:regret|be sorry|pay for this|see what happens)|make your life (?:hell|difficult|miserable)|"
          r"seiz(?:e|ing)|confiscat\w*|repossess\w*|(?:take|taking) (?:away )?(?:your|all your) (?:house|car|home|property|belongings|things|furniture|salary|wages|paycheck|kids|children|everything|tv|television|laptop|computer|phone|stuff|possessions|valuables|jewel\w*|bike|motorbike)|"
          # showing up: "don't make me come over there", "we'll be at your door tonight"
          r"don'?t make me (?:come|send|do|get|call|go)|(?:come|coming|go|going) (?:over|round|around) (?:there|to your)|pay you a (?:little )?visit|"
          r"(?:we'?ll|we will|i'?ll|i will|someone will|they'?ll|they will|we'?re going to|i'?m going to) (?:be|show up|turn up|come|drop by|stop by|swing by|knock) (?:at|to|on|round to|by|outside) your (?:door|doorstep|house|home|place|work|office|job|workplace)|(?:take|taking) everything|garnish\w*|bailiffs?|"
          r"(?:things|it|life) (?:will|could|is going to|'ll) get (?:very |really )?(?:unpleasant|ugly|nasty|difficult for you)|(?:post|posting|put|share|sharing)\b.{0,40}\b(?:facebook|instagram|twitter|social media|online)|"
          r"(?:let|make sure) (?:your )?(?:whole )?(?:family|friends|neighbou?rs?|everyone|colleagues|boss|employer)(?: at your (?:office|work|job))? (?:know|knows|find out|hears?)|everyone at your (?:office|work|job)|"
          r"(?:freeze|empty|block) your (?:bank )?(?:account|accounts|cards)|"
          r"(?:call|tell|inform|contact|notify|let|talk to|speak to|ring|email|write to|visit|phone)(?:ing|s)? (?:your )?(?:boss|employer|work(?:place)?|colleagues?|co-?workers|family|wife|husband|parents?|neighbou?rs?|friends|mother|father|mom|dad|children|kids|relatives|everyone|hr|school)\b|"
          r"(?:boss|employer|neighbou?rs?|family|everyone|colleagues|school|office|workplace) (?:will|are going to|'ll|is going to|would) (?:know|find out|hear|learn)|"

          r"shame you|humiliat|watch your back|watch out|you'?ll see|or else|you(?:'ve| have) been warned|last warning|we know where you (?:live|work)|"
          r"criminal (?:charges|record|case|offen[cs]e|complaint)|charged with|(?:commit(?:ting)?|it'?s) fraud|fraud charges|"
          r"(?:something|things) (?:bad|could|might|will) (?:happen|get ugly)|get ugly|you(?:'ll| will) be in (?:big |serious )?trouble)")
THREAT_COURT_OK = r"\b(?:court|judge|judicial|legal process|due process|lawful|tribunal)\b"
THREAT_TRAP = r"\b(?:if you (?:need|want) (?:to )?(?:talk to|ask) your (?:family|partner|wife|husband)|ask (?:a |your )(?:friend|family|relative|brother|sister|parents?|partner) (?:for|to lend)|(?:borrow|lend).{0,20}(?:family|friend|relative|parents?)|talk (?:it )?(?:over|through) with your (?:family|partner|wife|husband))"

# --- persona side -------------------------------------------------------------------------------
_SUBJ = r"(?:i|we|he|she|they|my (?:\w+ ){0,2}?(?:husband|wife|son|daughter|partner|mother|father|mom|mum|dad|brother|sister|boss|company|employer|client|customer|friend|landlord|bank|pharmacy|shop|store|business|car|hours|rent|salary|pay|paycheck|health))"
# A cause for the missed payment: an event or circumstance (the debtor's, or told by a third party).
REASON = (r"\b(?:because|since my|cause my|'cause|that'?s why|"
          rf"{_SUBJ}(?:'s| is| was| were| has| had| have|'ve|'m| am| are|'re)?(?: been| just| got| suddenly| really| still)* (?:lost|left|laid off|fired|let go|sick|ill|unwell|in (?:the )?hospital|hospitali[sz]ed|"
          r"broke down|broken|stolen|robbed|shut down|went (?:bust|bankrupt|up|under)|died|passed away|cut|reduced|delayed|short on hours|cancell?ed|froze|frozen|blocked|"
          r"travel\w*|abroad|on (?:a |the )?(?:business |work )?trip|out of (?:town|the country|work)|off (?:sick|work)|unemployed|between jobs|on (?:sick|medical|maternity) leave|"
          r"changed banks|forgot|totally forgot|completely forgot|lent|loaned|gave (?:the|it|my)|owes? me|hasn'?t paid me|didn'?t pay me|never paid me|"
          r"had (?:to (?:pay|cover|fix|help|send|buy|travel)|an? (?:emergency|accident|operation|surgery|unexpected|medical|repair|baby)|some (?:unexpected|medical|emergency)|surgery)|"
          r"waiting (?:for|on)|(?:haven'?t|hasn'?t|didn'?t|wasn'?t) (?:been|got|get) paid)|closed down|shut down|went bust|"
          r"i (?:got|was) (?:laid off|fired|let go)|got sick|laid off|unemployed|out of work|broke down|got stolen|was stolen|accident|emergency|surgery|hospital|divorce|funeral|"
          r"death in the family|passed away|(?:direct debit|standing order|automatic payment|autopay|auto-pay)\b[^.?!]{0,25}?\b(?:fail|bounc|cancel|stop|reject|didn'?t|did not|wasn'?t|never|not set|problem|issue|error|went wrong|messed)\w*|(?:problem|issue|error|mix-up|mixup) with (?:the|my) (?:direct debit|standing order|bank|card|account)|self-employed|freelanc\w*|late paying me|(?:business|work|sales|trade) (?:is|has been|'s been|was) (?:slow|quiet|dead|down|bad)|(?:rent|bills|prices|costs|mortgage) (?:went up|has gone up|have gone up|increased|rose|doubled)|(?:switched|changed) (?:my )?banks?|medical (?:bills?|expenses|costs)|(?:vet|doctor|hospital|repair|dental) bills?|"
          r"(?:paid|sent) (?:it )?to the (?:wrong|old)|business trip|work trip|slipped my mind|forgot|ate (?:everything|all|my)|wiped me out|"
          r"(?:salary|paycheck|wages|pay) (?:was|is|came|comes) (?:late|delayed|short)|cut (?:my|our) hours|reduced (?:my|our) hours|bank (?:froze|blocked|error)|"
          r"(?:cover|pay|paid) (?:for )?(?:the |my |his |her )?(?:repair|funeral|rent|surgery|treatment|medicine|school|tuition)|family (?:emergency|problem|issue))")
REASON_MASK = r"\b(?:can'?t (?:even )?pay (?:my|the) rent|ask my \w+|if you (?:call|tell|contact) my \w+|sometimes helps)\b"
REASON_TRAP = r"\b(?:i just don'?t have (?:it|the money)|i don'?t have (?:it|the money|any money)(?: (?:right now|this month|today))?$|because (?:i )?(?:just )?(?:don'?t|do not) have)"

COMMIT_VERB = (r"\b(?:i'?ll|i will(?! not)|i can(?!'?t|not)|i could(?!n'?t)|i'?m going to|i am going to|i'?m gonna|im gonna|i promise|i'?d be able to|i'?ll be able to|let me|i shall|"
               r"i'?m (?:paying|sending|transferring|making|doing|depositing)|im (?:paying|sending|transferring|doing)|i am (?:paying|sending|transferring|making|doing)|we'?ll|we will|we can|"
               r"(?:pay|transfer|send|deposit)(?:ing)? (?:it|the|you|that|this|\$)|you(?:'ll| will) (?:have|get|receive) (?:it|the|your|the money)|it(?:'ll| will) be (?:there|paid|in your|done|sent)|"
               r"(?:like|as) i (?:said|told you)|you have my word|i give you my word)")
# Words that may sit around a bare time and still leave "just a time" ("Tomorrow before noon, then.").
COMMIT_FILLER = r"\b(?:works|good|yes|yeah|ok|okay|sure|fine|deal|then|the|full|all|of it|amount|payment|it|at|by|before|on|in|around|latest|like i said|as i said|and|so|\$?\d[\d.,]*|dollars|euros|pm|am|p\.m|a\.m|o'?clock)\b"
AFFIRM = (r"^\s*(?:(?:hmm+|well|oh|ah|uh|um+|mm+|look)[,.!]*\s+)*(?:yes|yeah|yep|yup|ok|okay|sure|fine|alright|all right|deal|agreed|that works|sounds good|perfect|great|correct|right|"
          r"absolutely|of course|definitely|certainly|you got it|got it|understood|will do|done|i agree(?=\s*(?:[.!,]|$|to\b|with (?:that|you)))|confirmed|exactly|that'?s right|that'?s correct|"
          r"that'?s fair|fair enough|go ahead|you'?re right|si)\b")
IDENTITY_ANSWER = (r"^\s*(?:yes|yeah|yep|speaking|this is (?:she|he|me)|that'?s me|it'?s me)\b[,.!]?\s*(?:speaking|this is (?:she|he|me|\w+)|that'?s me|it'?s me|who(?:'s| is)|what|can i help|how can i help|\w+ speaking|"
                   r"i'?m (?:mr|ms|mrs|miss|dr|\w+)\b)")
# "Yes, I understand" / "Yeah, I know it's late" admit a fact; "Okay, I'm doing it now" is an action, not an acceptance.
AGREE_TRAP = r"(?:go ahead|go on),? (?:i'?m listening|tell me|shoot)|i'?m (?:listening|all ears)|who (?:is this|are you|'?s calling|is calling)|what do you want|what'?s (?:this|it) about|what is (?:this|it) about|^\W*(?:\w+\W+){0,2}?i (?:know|understand|see|get it|hear you|realise|realize|made|paid|sent)\b|^\W*(?:ok|okay|yes|yeah),? (?:i'?m|im) \w+ing\b|^\s*i agree (?!to\b|with (?:that|you))\w"
PAY_NOW = (r"\b(?:(?:i'?m|im|i am) (?:paying|sending|transferring|doing (?:it|the transfer|the payment)|making (?:the|a) (?:payment|transfer)|depositing)(?: it| the money| that)?(?: right)? (?:now|rn)|"
           r"(?:paying|sending|transferring|doing) (?:it |that |the transfer |the payment )?(?:right )?(?:now|rn)|"
           r"(?:doing|making) (?:it|the transfer|the payment) (?:right )?now|as we speak|(?:i'?m|im) (?:logging in|opening (?:the|my) (?:app|banking))(?: (?:now|right now))?)")
# Hedges and conditions make a promise vague ("I should be able to…", "When my client pays me…").
HEDGE = (r"\b(?:if (?:all|everything) goes (?:well|ok|okay|to plan)|god willing|try|trying|maybe|might|perhaps|possibly|hopefully|i guess|probably|i think i (?:can|could)|if i can|if possible|depends|see if|not sure|we'll see|i hope|could try|attempt|"
         r"should be able|i should|no promises|can'?t promise|i think|i reckon|with any luck|fingers crossed)\b")
CONDITION = (r"\b(?:when|once|as soon as|after|if|until) (?:my \w+|the \w+|i|we|he|she|they)(?:'ve| have| get| gets| am|'m| can)? (?:\w+ )?"
             r"(?:pays?|paid|get paid|gets paid|receive|have (?:it|the money)|get (?:the money|my)|comes? in|arrives?|sell|find)\b")
VAGUE_MASK = r"\b(?:i'?ll do it|i'?ll do that|i pay all my bills)\b"
# A tag question ("…, ok?") does not turn a promise into a question.
TAG_QUESTION = r"[,\s]*\b(?:ok|okay|right|alright|yeah|deal|got it|happy)\s*\?"
VAGUE_PAY = (r"\b(?:i'?ll|i will|i should|i'?d|i'?m going to|i promise|i can|i could|i'?ll try|i'?ll do my best|i'?ll see what i can do|i'?ll sort it|i'?ll get|i'?ll figure|i'?ll find|i'?ll have|i'?ll take care|i'?ll deal|i'?ll handle|i intend|i plan|i want to)\b.{0,40}\b(?:pay|settle|sort|money|it|transfer|send|cover|clear|something)\b|"
             r"\b(?:i'?ll try|i'?ll do my best|i'?ll see what i can do|as soon as (?:i can|possible)|soon|when i (?:can|get paid|get the money|have (?:it|the money))|next month|next week|eventually|i'?ll pay(?: it)?(?: back)?[.!]?$)")
REFUSE = (r"\b(?:(?:not|won'?t|will not|never) (?:going to |gonna )?(?:promis|commit|guarantee)\w* (?:you )?(?:anything|to anything|nothing)|"
          r"(?:i'?m not|i am not|i won'?t|i will not) (?:going to )?(?:give|giving) you (?:a|any) (?:date|time|day)|"
          r"(?:that|tomorrow|today|friday|monday|it)(?:'s| is) no good|(?:doesn'?t|does not|won'?t|will not) work for me|(?:tomorrow|today|friday|that|this week) (?:doesn'?t|won'?t) work|not (?:tomorrow|today|this week|friday) either|i (?:can'?t|cannot|won'?t|will not|am not going to|refuse to|don'?t have|do not have|have no|'m not able to|am not able to|'m unable to|am unable to|couldn'?t)|"
          r"(?:can'?t|cannot|cant) pay|(?:why would i|i'?m not going to|i won'?t) pay (?:it |that |this )?(?:twice|again)|pay (?:it |that )?twice|"
          r"i'?m not (?:going to |gonna )?(?:pay|paying|able)|no way|not (?:today|possible|happening|going to happen|a chance|this (?:week|month))|impossible|forget it|not right now|not now|"
          r"there'?s no (?:way|money)|i'?m (?:broke|out of money|short)|(?:i |we )?(?:just )?don'?t have (?:it|the money|any money|that kind of money)|no (?:money|cash)|nothing (?:left|to pay|until))")
# A shortfall told as part of a cause is the reason, not a refusal ("The rent went up and I couldn't cover everything").
REFUSE_WEAK = r"\b(?:i )?(?:couldn'?t|could not) (?:cover|afford|make|manage)|(?:didn'?t|did not) have enough|came up short|fell short"
# "I can't talk right now", "I can't remember", "I refuse to be spoken to like that" turn down something else.
REFUSE_MASK = r"\b(?:i (?:can'?t|cannot|couldn'?t) (?:talk|remember|hear|wait|believe|understand|find|recall|speak)|refuse to be \w+|i'?d never refuse|never refuse)\b"
CLAIMS_PAID = (r"\b(?:(?:my|the) (?:payment|transfer|deposit|money|direct debit|installment) (?:went through|cleared|was processed|went out|left my account|came out of my account|was taken)|i (?:already|have already|'ve already|'ve|have|just|did) (?:paid|sent|transferred|settled|made (?:the|that|a) (?:payment|transfer)|deposited|pay)|"
               r"already (?:paid|settled|sent|made|transferred|been paid|done)|i paid\b|(?:^|, |told you )(?:i |we )?paid (?:it|that|this|you|the|in full|on|last|yesterday|already)|"
               r"(?:my (?:\w+ )?(?:husband|wife|son|daughter|partner|mother|father|mom|mum|dad|brother|sister|friend)|he|she|we) (?:already |just )?(?:paid|sent|transferred|settled|deposited|covered|took care of) (?:it|that|this|the|for me)|"
               r"i (?:sent|transferred|deposited|made) (?:it|the (?:transfer|payment|money)|a (?:transfer|payment)|that) (?:on|last|yesterday|this morning|earlier|a few|two|three|already|in full)|"
               r"(?:the )?payment i made|(?:it'?s|it is) done,? i|it went out|went out on|"
               r"(?:it|that|this|the (?:loan|payment|installment|bill|debt))(?:'s| is| was| has)(?: already)?(?: been)? (?:paid|settled|taken care of)|paid (?:it )?in full|made the payment (?:on|last|yesterday)|"
               r"(?:i have|i've got|got) (?:the|a) receipt|(?:bank|money) (?:was|has been) (?:debited|taken)|(?:it|the money) (?:left|went out of) my account)")
# "Did you not get the payment I made on Friday?" claims a payment despite the negation.
CLAIMS_PAID_QUESTION = r"\b(?:did(?:n'?t| you not) (?:you )?(?:get|receive|see)|haven'?t you (?:got|received))\b"

# --- helpers shared by several trainee moves ----------------------------------------------------
# In an all-lower-case chat line, "i'm dana from northwind" still names a company after the name.
IDENTIFY_SELF_COMPANY = r"(?: [a-z]+)?(?: again)?,? (?:(?:an?|the|your|senior) )?(?:[a-z]+ ){0,3}(?:from|with|at|calling)\b"
# "Today or tomorrow, which is better?" is still a today-or-tomorrow choice, not pressing for a time.
PRESS_CHOICE = r"\bwhich (?:is|would be|one is|works) (?:better|easier|best)\b.*"
# "Today or tomorrow?" asks for today (and is not pressing for a time unless a clock time is named).
TODAY_OR_TOMORROW = r"\b(?:today|tonight|now)\b[^?]{0,25}?\bor\b[^?]{0,20}?\b(?:tomorrow|first thing)\b"
# A clock time or part of the day precise enough to hold a promise to.
CLOCK_CUE = r"\b(?:\d{1,2}(?::\d\d)?\s?(?:am|pm|a\.m|p\.m|o'?clock)|(?:at|by|before|until|till) \d{1,2}\b|noon|midday|lunch ?time|first thing)"
# Channels named while asking about a payment already made are not funding suggestions.
FUNDING_TRAP = r"\b(?:(?:whether|how|where|when) you (?:paid|sent|made|transferred|did)|have you (?:downloaded|installed|tried|seen|used|got) (?:our|the)|minimum payment\b[^.?!]{0,30}\b(?:was|is|fell) due|did you (?:pay|send|make|transfer)|was (?:that|it) (?:the full|through|by|paid)|did the money|have you paid)\b"
# A reassurance right after the cue cancels it: "your credit score won't be affected by this call".
CONSEQUENCE_NEG_AFTER = (r"[^,.;!?]{0,30}?\b(?:won'?t|will not|wouldn'?t|would not|isn'?t|is not|aren'?t|are not|doesn'?t|does not|will never|won'?t ever)(?: be)? "
                         r"(?:affected|hurt|damaged|impacted|touched|harmed|changed|at risk|reported|charged|applied|added|going to (?:change|suffer))")
CONSEQUENCE_MASK = r"\b(?:(?:from|with|at|in|of) (?:the |our )?(?:[a-z]+ ){0,3}(?:recover(?:y|ies)|collections?|legal) (?:team|department|dept|unit|office|area)|(?:on|with|use|using|your) (?:your |a |another )?credit card|credit card (?:payment|bill|account)|your credit card)\b"
CONFIRM_MASK = r"\b(?:(?:call|ring|phone) (?:you )?(?:back )?to confirm|confirm (?:your|the) (?:e-?mail|address|phone|number|name|date of birth|identity)|(?:your|the) (?:e-?mail|address|phone number) is)\b.*"
EMPATHY_MASK = r"\b(?:i understand (?:that )?you'?re (?:his|her|the|their)|take your time,? there'?s no rush)\b"
ABUSE_MASK = r"\b(?:(?:a|this|that|the) (?:stupid|dumb|crap|shit|damn|bloody|ridiculous) (?:situation|system|computer|thing|line|phone|weather|rule|policy|mess|mistake)|damn,? (?:my|the|this|it)|(?:my|the|this) (?:damn|stupid) (?:system|computer|phone|line))\b"
# Third-party-only wording ("for him", "on her behalf") when the counterpart is unknown.
THIRD_PARTY_NEEDS_COUNTERPART = r""  # every wording: paying for someone else only arises when someone else answers
# Paying as an action (not the noun "payment"), and a message to relay rather than a request to pay.
PAY_VERB = r"\b(?:pay|paying|settle|cover|clear|take care of|chip in|transfer|send|make (?:the |a |that )?payment)\b"
RELAY = r"\b(?:ask|tell|remind|get|have) (?:him|her|them) (?:to|that)\b"
# "Don't be an idiot" is still an insult despite the negation.
ABUSE_IMPERATIVE = r"\b(?:don'?t|do not) (?:be|give me|talk|you dare)\b"
# The person on the line addressed directly (third-party calls: "could you cover it for him?").
YOU = r"\b(?:you|u|yourself|between you)\b"
# "It's 8 in the morning!" states the time; it is not a bare promise.
BARE_TIME_TRAP = r"\b(?:it'?s|it is|what time|until|call me|see you)\b"
CONDITIONAL_START = r"\W*(?:if|unless)\b(?! you (?:could|can|would)\b)"
CALLBACK_MASK = r"\b(?:thanks?(?: you)? for (?:calling|getting back)|i'?ll call (?:you )?back)\b"
# Asking about a payment still to be made is not verifying one already made.
VERIFY_FUTURE = r"\b(?:will you|are you going to|you'?ll|would you)\b"
# "…just kidding" takes back what came before it in the sentence.
RETRACTED = r"\b(?:just kidding|only kidding|just joking|only joking|kidding aside)\b"
