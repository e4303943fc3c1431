/**
 * The cues MITI 4.2.1 gives a rule for: the forms of a question, and the words that make a reply
 * advice, a warning, a label, a hand-over of the decision or a request for permission. Each cue
 * is matched against one part of a reply in normal spelling (see `text.ts`). A *decisive* cue
 * settles the code by itself, as the manual's decision rules do; the others only inform the
 * statistical model, which weighs them with the rest of the reply.
 *
 * Every pattern is a plain alternation with bounded gaps, so matching stays linear in the reply.
 */
import type { CodeName } from './codes.ts';

export interface Cue {
  /** A stable name, used as a model feature (`c:<id>`). */
  readonly id: string;
  /** The code this cue speaks for. */
  readonly code: CodeName;
  readonly pattern: RegExp;
  /** Settles the code by itself (MITI gives a rule); otherwise a hint for the model. */
  readonly decisive: boolean;
  /** What the cue does, for the reason: "it tells {person} what to do". */
  readonly says: string;
}

/** Phrases matched as whole words: nothing glued on either side (a phrase ending in a space has its next word free). */
const w = (source: string) => new RegExp(`(?:^|[^a-z'])(?:${source})(?:(?<= )|(?![a-z]))`);

/** Openers that may stand before a question or a statement without changing what it is. */
const lead = "(?:(?:so|and|but|okay|well|right|yeah|ah|oh|mm|hmm|then|now|sorry|alright),? )*";

/** An open question: invites an answer in the person's own words. */
export const openQuestion = new RegExp(
  `^${lead}(?:what(?! time\\b| day\\b| date\\b| name\\b)|how(?! (?:many|much|long|often|old|far)\\b)|why|in what ways?|which (?:part|bit|aspect|parts|bits)|where does (?:that|this|all (?:this|that)|it) leave|where (?:would|do) you (?:like|want|see)|tell me|talk me through|say (?:a bit |a little )?more|describe|help me (?:understand|see)|walk me through|i(?:'m| am) (?:curious|wondering) (?:about|what|how|why)|i wonder (?:what|how|why)|i'd (?:like|love) to (?:hear|know|understand) (?:more|about|what|how|why))(?![a-z])`,
);

/** A closed question: answered yes or no, with a short fact, or by picking what was offered. */
export const closedQuestion = new RegExp(
  `^${lead}(?:do|does|did|are|is|was|were|have|has|had|can|could|would|will|shall|should|may|might|must|am|isn't|aren't|don't|doesn't|didn't|won't|wouldn't|couldn't|haven't|hasn't|any|anything|anyone|when (?:is|was|are|were|did|does|do|will|can|would)|where (?:is|was|are|were|did|does|do you live)|who|whose|which|what (?:time|day|date|name)|how (?:many|much|long|often|old|far)|i wonder (?:if|whether)|is there|are there)(?![a-z])`,
);

/** Statements that open like a question: "what you're saying is…", "what gets you through is…", "how hard that must be". */
export const notAQuestion = new RegExp(
  `^${lead}(?:(?:what|how) (?!(?:do|does|did|would|could|can|will|is|are|was|were|has|have|had|should|might|if|about|come|much|many|long|often)\\b)(?:[a-z']+,? ){1,7}(?:is|was|are|stays|matters|counts|means)\\b|what (?:you(?:'re| are|'ve| have)?|i(?:'m| am)?) (?:really )?(?:saying|hearing|describing|mean|want|wanted|need|said|told me)\\b.{0,60}(?:is|was|are)\\b|what (?:you(?:'ve| have)) told me|how (?:hard|awful|difficult|tough|frustrating|scary|lonely|exhausting|painful|horrible|brave|good|great|amazing|lovely) (?:that|this|it)\\b)`,
);

/** A cue's phrases, one per line for the next person to read and extend, as one pattern. */
const phrases = (...alternatives: string[]) => w(alternatives.join('|'));

/** Cues in the order the coding rules rank them: the first decisive one settles a reply. */
export const cues: readonly Cue[] = [
  // Confront: labels, blame, warnings and disapproval. MITI: Confront trumps Question.
  { id: 'label', code: 'Confront', decisive: true, says: 'labels {person} or what they do',
    pattern: phrases(
      'in denial',
      "(?:you're|you are|ur) (?:an? )?(?:addict|alcoholic|drunk|junkie)",
      "(?:you're|you are|ur) (?:just |being |so |a bit |acting )?(?:lazy|selfish|stubborn|dramatic|ridiculous|childish|irresponsible|paranoid|melodramatic|unreasonable|naive|immature|pathetic|silly)",
      "(?:that's|that is|it's|thats|sounds) (?:just |a bit |really |so |like )?(?:an excuse|excuses|ridiculous|silly|stupid|selfish|irresponsible|nonsense|rubbish|pathetic|a cop.out|childish|lazy|controlling|dangerous)",
      'making excuses', 'kidding yourself', 'feeling sorry for yourself', 'pull yourself together', 'grow up', 'man up', 'snap out of it',
      'sort yourself out', 'stop moping', 'your own fault', 'you only have yourself', 'you brought (?:this|it) on', "(?:that's|thats|it's) the drink talking",
      "you(?:'re| are) not thinking straight", 'you of all people', 'should know better', "you(?:'re| are) not (?:really )?in a position",
    ) },
  { id: 'warning', code: 'Confront', decisive: true, says: 'warns {person} of what will happen',
    pattern: phrases(
      "you(?:'ll| will| are going to|'re going to|'re gonna) (?:end up|lose (?:your|everything|the)|relapse|regret|be back|die|get (?:evicted|sacked|fired|worse))",
      "(?:if you|unless you) (?:don't|keep|carry on|stop)[a-z ,']{1,60}(?:you'll|you will|you're going to|it'll|it will|they'll|they will)",
      "you (?:won't|will not|can't) get (?:better|well) (?:if|unless)",
      "exactly how people end up", 'none of this would have happened', 'if you(?:\'d| had) (?:opened|listened|done|gone|taken|stopped|told|kept)',
      "you can't (?:keep|go on|carry on|just) (?:doing|like|drinking|living|avoiding|hiding|sitting|decide|ignore|expect|waiting)",
      "(?:isn't|is not|won't|will not|not) (?:going to )?help (?:anyone|anybody|you)",
      '(?:could|might|will|can) (?:really )?(?:be (?:really |very )?dangerous|hurt yourself|end up (?:back )?in)', "you(?:'re| are) no good to anyone",
    ) },
  { id: 'disapproval', code: 'Confront', decisive: true, says: 'disagrees with {person} or questions their honesty',
    pattern: phrases(
      '(?:you need to|you have to|you\'ve got to|time to) (?:face|admit|accept) (?:it|that|the|facts|reality|you)',
      'admit (?:it|that you)', 'be honest(?: with (?:yourself|me))?,? (?:you|it|that|this)', 'come on,? (?:you|that|it|now|be|really|seriously)',
      "i don't believe (?:you|that)", "(?:that's|that is|it's|thats) not (?:true|right|how it works|the point|an excuse|normal|okay|ok|on|great practice)",
      "(?:that's|that is) (?:not|hardly) (?:fair|on)", 'you (?:always|never) (?:do|say|make|blame|let)',
      "you (?:really )?(?:should've|should have|shouldn't have|should not have|ought to have)\\b",
      "don't you think (?:that's|it's|you're|you are|that is|you should|you ought|[a-z]+ deserves)",
      "you're (?:not (?:trying|listening|helping yourself)|lying|wrong|overreacting|exaggerating)",
      'what did you expect', 'seriously\\?', '(?:are|r) (?:you|u) (?:really )?sure (?:about that|that\'s true|you)', 'were you really', 'why would you (?:do|say) that',
      'whether you see it or not', '(?:just )?get on with it', 'got a point', 'no offen[cs]e,? but', 'with respect,? (?:you|that|it)',
      "you (?:really )?(?:shouldn't|should not|mustn't) (?:be (?:ringing|asking|saying|doing|thinking|calling)|ask|put yourself|say|think|talk)",
      "(?:don't|do not) (?:say|think|talk like) that", "there's no need to take that tone", 'you need to be realistic',
    ) },
  // Persuade: advice, suggestions, arguing, reassurance that argues, deciding for the person.
  { id: 'advice', code: 'Persuade', decisive: true, says: 'tells {person} what to do',
    pattern: phrases(
      "(?<!(?:as (?:often|much|long|soon|far)|if|whenever|when|what|anything|everything|all) )you (?:really |honestly |definitely |just |probably )?(?:should|shouldn't|ought to|need to|needs to|have to|must(?! be| have|'ve)|mustn't|'ve got to|'ve gotta|gotta)(?! (?:have|'ve)\\b)",
      "why (?:don't|dont) you", 'why not (?:just |try|go|give|ask|call|talk|tell|join|have|do|get)',
      `^${lead}have you (?:ever )?(?:tried|thought (?:about|of)|considered)(?! (?:what|how|why|whether|if|where|when|who|that|it|this|about (?:what|how|why|whether)))`,
      "(?:i|i'd|i would|i really) (?:think|reckon|suggest|recommend|advise|say) (?:you|that you|trying|going|getting|talking|calling|asking|it's best|it'd be|it would be)",
      "i'd (?:suggest|recommend|advise)", `(?:^${lead}|, (?:but |so |and )?)(?:honestly,? |personally,? |tbh,? )?i'd (?:just )?(?:tell(?! you\\b)|say|stay|keep|take|go|start|get|try|jot|sit|ring|call|ask|text|email|write|bring|look|put|leave|stick|wait|pick|aim|book|speak|make|add)\\b`,
      'if i were you', 'if it (?:was|were) me',
      '(?:it|that|this) (?:might|may|would|could)(?: really)? be (?:worth|a good idea|best|better|good (?:to|for you)|wise|helpful (?:to|for you) to)',
      '(?:could|might|may|would) (?:be|well be) worth', 'worth (?:a go|a try|trying|a look|a shot)',
      "(?<!(?:^|[^a-z'])(?:i|we|i'd|we'd|i'll|we'll) )(?:could|might|would|should) (?:really |actually |definitely |also )?help (?:you|with|a lot)",
      "(?:might|could) be better than you think", "you(?:'ll| will| might) (?:actually |really )?(?:like|love|enjoy) (?:it|them)",
      'the best (?:thing|way|option|idea) (?:is|would be|for you)', 'make sure (?:you|to)',
      `^${lead}(?:how about|what about) (?!(?:it|that|this|them|him|her|you|now|then)\\b)`,
      '(?:maybe|perhaps) (?:you (?:could|should|might) |try|just |go |call |ring |text |email |talk |ask |join |get |take |have |set |write |make |keep |see |put |book |speak |tell |aim |pick |start )',
      'you (?:could|might want to|may want to|could always) (?:try|consider|think about|look (?:at|into)|start|join|go|call|ring|text|email|ask|talk|speak|write|make|use|get|take|give|tell|set|book|keep|bring|pick|aim|wait)',
      `^${lead}could (?:you|u) (?:maybe |just |not )?(?:try|text|call|ring|ask|write|go|join|speak|email|book|get|take|make|bring|do|give|start|stop)\\b`,
      `^(?:just |please |maybe |so )?(?:do (?:a|an|the|some|it now|it today|more|less)\\b|try|go(?! on\\b)|call|ring|text|email|ask|talk(?! (?:me|to me))|speak|tell(?! me)|take|stop|start|keep|remember|think about|focus on|write|join|get|avoid|don't|do not|give|come along|make|set|bring|pick|aim|book|sign up|apply|reach out|check|cut|drink|eat|sleep|put|let (?:them|her|him))\\b`,
      `^${lead}(?:just |please )?don't (?:worry|give up|cancel|stop|be (?:so|too|hard)|let|put|beat|panic|stress|overthink)`, '(?:just )?promise me',
    ) },
  { id: 'reassurance', code: 'Persuade', decisive: true, says: 'argues that it will be fine rather than hearing {person} out',
    pattern: phrases(
      "i'm sure (?:it'll|it will|you'll|you will|he'll|he will|she'll|she will|they'll|they will|it's|it is|you're|you can|that|everything|[a-z]+ will)",
      "(?:it'll|it will|you'll|you will|everything will|things will) (?:all )?(?:be (?:fine|ok|okay|alright|all right|great|better)|work out|get better|sort (?:it|itself) out)",
      '(?:nothing|no need) to worry about', "(?:it's|that's|its) (?:really )?not (?:that|so) bad",
      '(?:everyone|everybody|lots of people|loads of people|we all) (?:feels?|gets?|goes|has|have|struggles?|relapses?) (?:like that|that|through it|nervous|the same|and get)',
      'should be (?:fine|ok|okay|alright)', "you(?:'ll| will) (?:be brilliant|bounce back|be back on your feet|smash it|nail it)", "you won't (?:freeze|fail|mess (?:it )?up)",
      'you always do', 'you can do (?:it|this)', 'it gets better', 'stay positive', 'look brighter', 'before you know it',
    ) },
  { id: 'coach-decides', code: 'Persuade', decisive: false, says: 'decides for {person}',
    pattern: phrases(
      "i'll (?:sort|book|arrange|ring|call|type|write|set) (?:it|that|this|them|you|up)", 'leave it (?:with|to) me',
      '(?:it|this|coaching|that) (?:really )?(?:helps|works|will help)', 'worked for me', 'what helped me', 'what i did was', 'when i was', 'in my experience',
      'i used to', 'when i (?:stopped|started|tried|went)', 'for me,? (?:it|the)',
    ) },
  // Permission and autonomy: turn persuasion into persuasion with permission, or stand alone.
  { id: 'permission', code: 'Seeking collaboration', decisive: true, says: 'asks {person}\'s permission first',
    pattern: phrases(
      '(?:would|will|is) it be (?:ok|okay|alright|all right|helpful|useful) (?:if (?:i|we)|to|for me)',
      '(?:can|could|may|might) i (?:share|suggest|offer|tell you|mention|add|ask|give you|make a suggestion|say|run something|check something)',
      'do you mind if (?:i|we)', "would you (?:like|want|be interested in) (?:me to|some|to hear|an idea|a suggestion|a few|to know|information|to try|to look|to talk)",
      'would (?:it )?help (?:if i|to hear)', "are you (?:ok|okay|alright|open|happy) (?:with|to) (?:me|hearing|some|that)",
      '(?:is|would) it (?:be )?(?:ok|okay|alright) (?:if (?:i|we)|to)', 'run something by you',
    ) },
  { id: 'softener', code: 'Persuade with permission', decisive: false, says: 'leaves {person} free to take it or not',
    pattern: phrases(
      "if you(?:'d)? (?:like|want(?:ed)?|wish)(?: it| to| me to)?", 'if that appeals', "if you're (?:happy|open|up) (?:for|to|with)", 'take it or leave it',
      'see what (?:you think|fits|feels right)', 'no pressure', 'feel free to ignore', 'only if (?:you|it)', 'if it feels (?:doable|right|ok|okay)',
      'since you asked', 'if you want my (?:honest )?(?:view|opinion|take)', 'you asked', 'for what (?:it\'s|its) worth',
    ) },
  { id: 'autonomy', code: 'Emphasizing autonomy', decisive: true, says: 'puts the decision with {person}',
    pattern: phrases(
      "(?:it's|it is|that's|that is|this is|its|the choice is|the decision is|whatever you decide is)(?: completely| entirely| totally| really| all| still| always)? (?:up to you|your (?:choice|call|decision|life|conversation|time|body|plan|say|pace|recovery))",
      'up to you', "(?<!(?:not|n't|no)(?: [a-z']+){0,3} )your (?:choice|call|decision)(?: to make)?\\b", "(?<!(?:things|what|which|that|ones|goals|whatever|made|make|makes|helped|help|let) )you (?:get to |can |will |'ll )?(?:decide|choose|make the call|make that call|set the pace)",
      "(?:you're|you are) the (?:one who (?:decides|gets to)|best judge|boss)",
      "you know (?:yourself|your (?:life|body|situation|own mind)|what's (?:best|right) for you|best)", "you(?:'ll| will) know better than (?:anyone|me)",
      'only you (?:can|know|get to)', '(?:whatever|however|whichever) you (?:decide|choose|want)', "(?:you're|you are) in (?:charge|control)",
      'no(?:body|one) can make you', "you don't have to (?:do|decide|go|say|tell|answer|talk|agree|have|if|explain)", 'you (?:can|could) (?:always )?(?:say no|change your mind)',
      "(?:you're|you are) free to", 'in your own time', 'at your own pace', 'you get (?:a|the (?:final )?) say', "(?:it'll|it will) be because you chose",
    ) },
  { id: 'their-view', code: 'Seeking collaboration', decisive: true, says: 'asks what {person} makes of it, sharing control',
    pattern: phrases(
      'what do you make of (?:that|this|it|those|these|what)', 'what do you think (?:of|about) (?:that|this|those|these|the idea|what i|my|trying)',
      'how does (?:that|this) (?:sound|fit|land|feel to you|sit with you)', 'does (?:that|this) (?:sound|seem) (?:ok|okay|alright|all right|right|good|fair)', 'does (?:that|this) fit',
      'what would (?:be )?(?:most |more )?(?:useful|helpful) (?:to (?:talk|focus|look|start|do)|for (?:us|you) (?:to|today)|from me|today|now|right now)',
      'where would you like to (?:start|begin)', 'which (?:bit|part|one) do (?:you|u) want to (?:start|begin)',
      'what would you like (?:to (?:talk|focus|start|look|do first|work on|get|cover)|from (?:me|today|this|our))',
      'what do you want (?:to (?:talk|focus|start|get|work)|from (?:me|today|this|our))', 'how do you want to (?:use|spend) (?:the|our) time',
      "(?:anything|something) (?:you'd|you would|you want(?:ed)?) (?:like )?to (?:talk|start|focus|cover)",
      '(?:work|figure|sort|think|plan|decide|tackle) (?:it |this |that |something )?(?:out )?together', 'put our heads together',
      '(?:shall|should|could|can) we (?:look|think|work|decide|plan|go through|make|start|try|tackle)[a-z ,\']{0,40}together', "let's (?:look|think|work|decide|plan|figure|sit down) (?:at|about|on|out|together|and)",
      "(?:you're|you are) the expert", 'what (?:fits|would fit|feels right) for you', 'which (?:of these|one) (?:feels|would|sounds|fits)',
      "i'd (?:really )?(?:value|like to hear) your (?:ideas|view|thoughts|take)", "i'd like to hear yours", 'hear (?:yours|your (?:ideas|thoughts)) first',
    ) },
  // Affirm: a specific strength, effort, intention or worth.
  { id: 'strength', code: 'Affirm', decisive: false, says: 'names a strength or effort of {person}\'s',
    pattern: phrases(
      '(?:that|it|this) (?:took|takes|must have taken|must take) (?:real |a lot of |so much |some )?(?:courage|guts|strength|bravery|nerve|effort|determination)',
      "(?:you've|you have|you|u) (?:really |clearly |already |still )?(?:managed|got through|stuck with|come (?:so )?far|made it|achieved|handled (?:it|that|this)|coped|survived|held on|found your own|saw [a-z ']{1,30} through|keep showing up|did (?:really |so )?well)",
      "(?:you|you're|you are) (?:clearly |really |obviously )?(?:someone who|a (?:strong|resourceful|determined|caring|brave|good|loving|thoughtful|hard.working|mum|dad|parent|friend) )",
      '(?:you|that) show(?:s|ed)? (?:real |a lot of |how much |great )?(?:strength|courage|commitment|determination|care|you care|insight|honesty)',
      'well done', 'fair play', "i(?:'m| am) (?:so |really |very )?proud of you", 'i (?:admire|respect|really appreciate) (?:the way|how|your|that you)',
      '(?:thank you|thanks) for (?:being (?:so )?(?:honest|open|straight)|answering|telling me (?:that|this)|trusting|sharing (?:that|this|something))',
      "(?:you're|you are) (?:doing|trying) (?:your best|so hard|really well|great|well|brilliantly)", 'good for you',
      "(?:it's|that's|that is|is) (?:a )?(?:real |huge |big |brilliant |great )?(?:strength|achievement|step forward|brave|courageous|impressive)",
      "(?:that's|that is|it's) (?:not easy|a (?:thoughtful|great|good|brave|smart|clever|really good|lovely) (?:message|idea|plan|thing|step|way))", 'that counts',
      "(?:you|you've) (?:obviously |clearly |really )?(?:care|cared) (?:a lot|so much|deeply|about)", 'says a lot about you',
      "(?:your|you've got) (?:determination|courage|honesty|strength)", "you(?:'ve| have) (?:already )?got (?:some )?(?:good|great|real) ",
      'you know your [a-z ]{1,20} (?:really )?well', 'you were (?:really |so )?(?:brave|honest|upfront|strong)', 'you must be (?:patient|strong|resourceful|brave|good at|really good)',
    ) },
  // Reflections: say back what the person said or meant.
  { id: 'gathers', code: 'Summary', decisive: false, says: 'gathers several things {person} said',
    pattern: phrases(
      'so (?:far|let me see|to sum up|to summarise|to summarize|overall|in short|all in all)',
      'let me (?:see if i|check i|sum|summarise|summarize|recap|make sure i|just check)', "(?:you've|you have) (?:told me|mentioned|said|talked about)",
      'what (?:you\'ve|you have) told me', 'on (?:the )?one hand', 'to recap', "if i've got (?:this|that|it) right", '(?:a few|several|lots of|many) things',
    ) },
  { id: 'reflective-opener', code: 'Complex reflection', decisive: false, says: 'says back what {person} meant',
    pattern: phrases(
      '(?:it )?(?:sounds|seems|feels|looks) (?:like|as if|as though|that)', '(?:that|it) (?:sounds|must be|must feel|must have been)', "so you(?:'re| are|'ve|'d)?",
      "you(?:'re| are)? (?:feeling|feel|felt|sound|seem|saying|said|wondering|worried|scared|afraid|frightened|angry|frustrated|tired|exhausted|fed up|stuck|torn|hoping|wishing|missing|not sure)",
      'part of you', "i(?:'m| am) hearing", "what i(?:'m| am) hearing", "you(?:'d| would) (?:like|love|rather)", "you (?:want|wish|miss|hate|love|don't want|can't see|can't face|don't know)",
      "(?:you|you've|you have) (?:really |just )?had enough", 'on the other hand', 'and yet', 'at the same time', 'even though you',
    ) },
  // Giving information.
  { id: 'informs', code: 'Giving information', decisive: false, says: 'tells {person} a fact or what happens next',
    pattern: phrases(
      "there(?:'s| is| are) (?:a|an|some|groups?|services?|a few|options|support|people|lots)",
      '(?:some|many|lots of|a lot of|most) people (?:find|say|feel|get|have|who)', '(?:research|studies|evidence|the guidelines?) (?:shows?|suggests?|says?)',
      '(?:the )?(?:group|service|team|course|clinic|line|meeting|review|session|centre|center|program(?:me)?|charity) (?:meets|runs|is|opens|offers|starts|takes|uses)',
      "i(?:'ll| will| can| am going to|'m going to) (?:be|let|send|pass|tell|let you|need|have|come|see|check|write|meet|bring)",
      'my (?:job|role) (?:is|here)', "(?:'s|s) job is to", "i(?:'m| am) (?:not a|a) (?:therapist|coach|peer|doctor|nurse|counsellor|counselor)",
      "i(?:'m| am) here (?:every|on|until|from)",
      '(?:it|this) (?:usually|normally|often|sometimes|can) (?:takes?|means?|happens?|lasts?)', '(?:is|are) usually (?:done|given|offered)',
      "you can (?:call|ring|text|contact|get|ask for|find|reach|self.refer|take a break)", '(?:is|are) entitled to', "you(?:'re| are) (?:allowed|entitled) to",
      '(?:is|are) (?:open|free|available|confidential)', 'i (?:have to|need to|will have to) (?:tell|pass|share|let)', '(?:what|whatever) (?:we|i|you) (?:talk about|say|tell me) (?:stays|is)',
      "i (?:can't|cannot|won't) (?:promise|lend|advise|ring|come|speak|keep (?:this|it|that)|go behind)",
    ) },
];

/** The cues that match one part of a reply in normal spelling. */
export function cuesIn(text: string): Cue[] {
  return cues.filter((cue) => cue.pattern.test(text));
}

/** The words of a part that matched a cue, as the trainee typed them, for quoting back. */
export function matchedWords(cue: Cue, text: string): string {
  const found = cue.pattern.exec(text)?.[0] ?? '';
  return found.replace(/^[^a-z']+/, '').trim();
}

/** What only a filler, greeting, farewell or aside is made of: MITI gives such a reply no code. */
export const fillerOnly = new RegExp(
  `^(?:(?:${[
    'okay', 'ok', 'mm+', 'hmm+', 'hm', 'm+hm', 'uh huh', 'right', 'yeah', 'yep', 'yes', 'no', 'nope', 'sure', 'alright', 'all right', 'i see', 'oh', 'ah', 'aw+',
    'ha', 'haha+', 'lol', 'hi', 'hiya', 'hello', 'hey', 'bye', 'goodbye', 'see you(?: soon| later| next (?:week|time)| then)?', 'take care', 'thanks', 'thank you', 'cheers',
    'sorry', 'fine', 'cool', 'good', 'great', 'nice', 'nice one', 'lovely', 'wow', 'oh no', 'oh dear', 'gosh', 'bless you', 'of course', 'got it', 'gotcha',
    'understood', 'fair enough', 'no worries', 'no problem', 'absolutely', 'exactly', 'totally', 'definitely', 'indeed', 'true',
    "(?:good )?(?:morning|afternoon|evening)", "let's (?:start|begin|get started|go)", 'shall we (?:start|begin)', 'speak soon', 'talk soon',
    'have a (?:good|nice|lovely) (?:day|week|weekend|one|evening)', '(?:thank you|thanks) (?:so much|very much|for (?:that|coming(?: in)?|your time|today|calling|ringing|sharing))',
    '(?:nice|good|lovely) to (?:meet|see|hear from) you', 'come (?:in|on in)', '(?:grab|have|take) a seat', 'sit (?:down|wherever you like|anywhere)',
    '(?:one|a) (?:sec|second|moment|minute)', 'bear with me', "let me (?:just )?(?:grab|get|find) my [a-z]+", 'mate', 'love', 'then', 'now', 'so', 'too', 'again', 'there', 'anyway', 'today', 'eh',
  ].join('|')})[\\s,.!?']*)+$`,
);
