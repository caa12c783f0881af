"""A Reading: the one value the understanding stages pass along, each adding what it found."""

from __future__ import annotations

from dataclasses import dataclass, field

from core.spec import EntitySpec, FeatureSpec, ThemeSpec


@dataclass
class Token:
    """One word (or punctuation mark) of a sentence with its part of speech."""

    text: str
    tag: str = "NOUN"  # DET PRON PREP CONJ AUX ADV ADJ VERB NOUN NUM PUNCT
    lemma: str = ""
    possessive: bool = False  # the word carried 's


@dataclass
class Phrase:
    """A noun phrase: its words, head and where it sits."""

    words: list[str]
    head: str  # singular of the last noun
    sentence: int
    start: int
    end: int  # index after the last token
    plural: bool = False
    possessive: bool = False
    modifiers: list[str] = field(default_factory=list)  # nouns before the head (savings in 'savings goals')
    de_compound: bool = False  # Spanish 'planes de dieta': the modifier follows 'de'

    def said(self) -> str:
        """The head with its last modifier, as the prompt says it ('savings goal', 'plan de dieta')."""
        if self.de_compound:
            return f"{self.head} de {self.modifiers[-1]}"
        return " ".join([*self.modifiers[-1:], self.head])


@dataclass
class Frame:
    """A verb with its subject, objects and the phrases after its prepositions."""

    verb: str  # lemma
    sentence: int
    position: int
    subject: Phrase | None = None
    objects: list[Phrase] = field(default_factory=list)
    preps: list[tuple[str, Phrase]] = field(default_factory=list)  # ('to', members)


_QUALIFYING = frozenset({"of", "de", "del", "on", "for", "para", "sobre"})


@dataclass
class Reading:
    """Everything understood about a prompt so far."""

    prompt: str
    text: str = ""  # normalised
    language: str = "en"
    sentences: list[list[Token]] = field(default_factory=list)
    bullets: set[int] = field(default_factory=set)  # the sentences that start a list item ('- ticket sales ...')
    phrases: list[Phrase] = field(default_factory=list)
    frames: list[Frame] = field(default_factory=list)
    lists: list[list[Phrase]] = field(default_factory=list)  # coordinated noun phrases ('a, b and c')
    examples: dict[int, list[Phrase]] = field(default_factory=dict)  # phrase id -> its 'such as' (or '... etc') items
    entities: dict[str, EntitySpec] = field(default_factory=dict)  # name -> entity, prompt order
    words_for: dict[str, str] = field(default_factory=dict)  # entity -> the word the prompt used
    main: str = ""  # the entity the app is about
    account: str = "User"  # who rates, saves and logs in: a person the prompt names (Customer, Listener) or User
    fallback: dict[str, str] = field(default_factory=dict)  # entity -> word: what verbs act on, when nothing scored
    scores: dict[str, int] = field(default_factory=dict)  # entity -> how strongly the prompt treats it as a thing
    owners: set[str] = field(default_factory=set)  # people added only because a compound names them ("client projects")
    named: dict[int, str] = field(default_factory=dict)  # id(phrase) -> the entity it names
    field_lists: dict[str, list[str]] = field(default_factory=dict)  # entity -> field words the prompt gives
    joined: set[frozenset[str]] = field(default_factory=set)  # pairs a join record links ('sign up as X for Y')
    links: list[tuple[str, str, str]] = field(default_factory=list)  # (child, parent, kind)
    link_fields: dict[tuple[str, str], str] = field(default_factory=dict)  # (child, parent) -> column ('paid_by_id')
    sides: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # (Game, Team) -> home_team_id, ...
    features: list[str] = field(default_factory=list)
    feature_specs: list[FeatureSpec] = field(default_factory=list)
    theme: ThemeSpec = field(default_factory=ThemeSpec)
    domain: str = "custom"
    capabilities: list[str] = field(default_factory=list)  # 'features such as ...' phrases
    requested: list[str] = field(default_factory=list)
    not_built: list[str] = field(default_factory=list)
    acts: list = field(default_factory=list)  # acts.Act: 'order a cake by choosing the size and the flavour'
    details_of_acts: set[int] = field(default_factory=set)  # ids of phrases that are an act's details
    flags: set[str] = field(default_factory=set)  # 'fallen trees y/n': the words before a yes/no, a flag
    act_details: dict[str, tuple[list[str], list[str]]] = field(default_factory=dict)  # record -> (fields, links)
    records: set[str] = field(default_factory=set)  # entities found as records about others: they need no label
    implied_people: set[str] = field(default_factory=set)  # people added because they act unnamed ('users book')

    def uses_feature(self, name: str, entity: str) -> bool:
        """Whether an entity feature is already set on this entity."""
        return any(fs.name == name and fs.entity == entity for fs in self.feature_specs)

    def head_before(self, p: Phrase, preps: frozenset[str] = _QUALIFYING) -> Phrase | None:
        """The thing a phrase qualifies with of/on/for: 'a claim' in 'a claim on a policy', 'avistamientos' in
        'avistamientos de aves'."""
        toks = self.sentences[p.sentence]
        j = p.start - 1
        while j > 0 and toks[j].tag == "DET":
            j -= 1
        if j <= 0 or toks[j].text not in preps:
            return None
        return next((q for q in self.phrases if q.sentence == p.sentence and q.end == j), None)

    def entity_of(self, phrase: Phrase | None) -> str | None:
        """The entity a noun phrase names, if it became one."""
        if phrase is None:
            return None
        if self.named.get(id(phrase)) in self.entities:
            return self.named[id(phrase)]  # 'food trucks ... which truck': the word said again names the same one
        for name, word in self.words_for.items():
            if word == phrase.head or word == phrase.said():
                return name
        return None
