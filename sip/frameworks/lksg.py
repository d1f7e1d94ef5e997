"""The German Supply Chain Due Diligence Act (Lieferkettensorgfaltspflichtengesetz, LkSG): remedial
action (section 7) and the complaints procedure (section 8).

The words are the Act's, in German, as the Federal Ministry of Justice publishes it (gesetze-im-
internet.de), read in a mirror of those files; the English beside each quote is sip's own
translation, not an official one. The Act binds the company: its requirements are errors.
"""

from __future__ import annotations

from sip.frameworks.profile import FORMAT, LISTED, PRIMARY, RULE, Profile, Requirement, Select, Source

TRANSLATION = "sip's own translation, not an official one"
_MIRROR = "https://github.com/bundestag/gesetze/blob/master/l/lksg/index.md"
_MIRROR_NOTE = (
    "A mirror of the federal laws as gesetze-im-internet.de publishes them (the 'bundestag/gesetze' "
    "project), in the version in force from 1 January 2023 (BGBl. I 2021, 2959)."
)

SECTION_7 = Source(
    title="Lieferkettensorgfaltspflichtengesetz (LkSG), § 7 Abhilfemaßnahmen",
    publisher="Bundesministerium der Justiz (gesetze-im-internet.de)",
    address="https://www.gesetze-im-internet.de/lksg/__7.html",
    kind=PRIMARY,
    read_at=_MIRROR,
    note=_MIRROR_NOTE,
)
SECTION_8 = Source(
    title="Lieferkettensorgfaltspflichtengesetz (LkSG), § 8 Beschwerdeverfahren",
    publisher="Bundesministerium der Justiz (gesetze-im-internet.de)",
    address="https://www.gesetze-im-internet.de/lksg/__8.html",
    kind=PRIMARY,
    read_at=_MIRROR,
    note=_MIRROR_NOTE,
)

REQUIREMENTS = (
    Requirement(
        id="LKSG-7-1",
        section="§ 7 Abs. 1 Satz 1",
        title="remedial action without delay",
        quote="Stellt das Unternehmen fest, dass die Verletzung einer menschenrechtsbezogenen oder "
        "einer umweltbezogenen Pflicht in seinem eigenen Geschäftsbereich oder bei einem unmittelbaren "
        "Zulieferer bereits eingetreten ist oder unmittelbar bevorsteht, hat es unverzüglich "
        "angemessene Abhilfemaßnahmen zu ergreifen, um diese Verletzung zu verhindern, zu beenden "
        "oder das Ausmaß der Verletzung zu minimieren.",
        translation="If the company finds that a violation of a human-rights-related or "
        "environment-related obligation has occurred, or is imminent, in its own business area or at "
        "a direct supplier, it must without undue delay take appropriate remedial action to prevent "
        "or end the violation or to minimise its extent.",
        translated_by=TRANSLATION,
        source=SECTION_7,
        check=RULE,
        codes=("SIP710", "SIP301"),
        fields=("responses[].kind: corrective", "responses[].kind: protection"),
        evidence=(Select("responses", "kind", ("corrective", "protection")),),
        how="Every finding has a response (SIP301), and one of kind corrective or protection, which "
        "ends, prevents or minimises the violation, not only remedies, which repair the harm done "
        "(SIP710). How soon each is due is SIP506's to judge.",
    ),
    Requirement(
        id="LKSG-7-2",
        section="§ 7 Abs. 2 Sätze 1-2",
        title="a concept with a concrete timetable",
        quote="Ist die Verletzung einer menschenrechtsbezogenen oder einer umweltbezogenen Pflicht bei "
        "einem unmittelbaren Zulieferer so beschaffen, dass das Unternehmen sie nicht in absehbarer "
        "Zeit beenden kann, muss es unverzüglich ein Konzept zur Beendigung oder Minimierung "
        "erstellen und umsetzen. Das Konzept muss einen konkreten Zeitplan enthalten.",
        translation="If a violation of a human-rights-related or environment-related obligation at a "
        "direct supplier is such that the company cannot end it in the foreseeable future, it must "
        "without undue delay draw up and implement a concept for ending or minimising it. The concept "
        "must contain a concrete timetable.",
        translated_by=TRANSLATION,
        source=SECTION_7,
        check=FORMAT,
        fields=("responses[].due", "improvements[].due"),
        how="The plan is the concept: every response and improvement has an owner and a due date, "
        "so the plan is a timetable.",
    ),
    Requirement(
        id="LKSG-7-3",
        section="§ 7 Abs. 3 Satz 1",
        title="ending the business relationship as a last resort",
        quote="Der Abbruch einer Geschäftsbeziehung ist nur geboten, wenn 1. die Verletzung einer "
        "geschützten Rechtsposition oder einer umweltbezogenen Pflicht als sehr schwerwiegend bewertet "
        "wird, 2. die Umsetzung der im Konzept erarbeiteten Maßnahmen nach Ablauf der im Konzept "
        "festgelegten Zeit keine Abhilfe bewirkt, 3. dem Unternehmen keine anderen milderen Mittel zur "
        "Verfügung stehen und eine Erhöhung des Einflussvermögens nicht aussichtsreich erscheint.",
        translation="Ending a business relationship is called for only if 1. the violation of a "
        "protected legal position or of an environment-related obligation is judged very serious, 2. "
        "the measures worked out in the concept have not remedied it once the time set in the concept "
        "has run out, 3. the company has no milder means and increasing its influence does not seem "
        "promising.",
        translated_by=TRANSLATION,
        source=SECTION_7,
        check=LISTED,
        fields=("responses[].escalation",),
        evidence=(Select("responses", "escalation"),),
        how="sip lists the steps the plan takes in the relationship with the site (escalation) and "
        "does not judge when ending it is called for; SIP308 warns of a termination before the "
        "workers' protection and remedy are done.",
    ),
    Requirement(
        id="LKSG-7-4",
        section="§ 7 Abs. 4 Satz 1",
        title="effectiveness reviewed every year",
        quote="Die Wirksamkeit der Abhilfemaßnahmen ist einmal im Jahr sowie anlassbezogen zu "
        "überprüfen, wenn das Unternehmen mit einer wesentlich veränderten oder wesentlich erweiterten "
        "Risikolage im eigenen Geschäftsbereich oder beim unmittelbaren Zulieferer rechnen muss, etwa "
        "durch die Einführung neuer Produkte, Projekte oder eines neuen Geschäftsfeldes.",
        translation="The effectiveness of the remedial measures is to be reviewed once a year, and "
        "when the company must expect a substantially changed or extended risk situation in its own "
        "business area or at the direct supplier, for instance by introducing new products, projects "
        "or a new line of business.",
        translated_by=TRANSLATION,
        source=SECTION_7,
        check=RULE,
        codes=("SIP711",),
        fields=("reviews[].date",),
        evidence=(Select("reviews"),),
        how="An active or monitoring plan has a reviews entry within the 365 days before the as-of "
        "date, or was opened within them.",
    ),
    Requirement(
        id="LKSG-8-1",
        section="§ 8 Abs. 1 Sätze 1-2",
        title="a complaints procedure",
        quote="Das Unternehmen hat dafür zu sorgen, dass ein angemessenes unternehmensinternes "
        "Beschwerdeverfahren nach den Absätzen 2 bis 4 eingerichtet ist. Das Beschwerdeverfahren "
        "ermöglicht Personen, auf menschenrechtliche und umweltbezogene Risiken sowie auf Verletzungen "
        "menschenrechtsbezogener oder umweltbezogener Pflichten hinzuweisen, die durch das "
        "wirtschaftliche Handeln eines Unternehmens im eigenen Geschäftsbereich oder eines "
        "unmittelbaren Zulieferers entstanden sind.",
        translation="The company must see to it that an appropriate internal complaints procedure "
        "under paragraphs 2 to 4 is set up. The complaints procedure lets people point out "
        "human-rights-related and environment-related risks and violations of human-rights-related "
        "or environment-related obligations caused by the economic activity of a company in its own "
        "business area or of a direct supplier.",
        translated_by=TRANSLATION,
        source=SECTION_8,
        check=RULE,
        codes=("SIP712", "SIP411"),
        fields=("grievance_channels",),
        evidence=(Select("grievance_channels"),),
        how="At least one grievance channel, open on the as-of date (SIP712); in a plan with forced "
        "labour, one that workers can use safely (SIP411).",
    ),
    Requirement(
        id="LKSG-8-2",
        section="§ 8 Abs. 2",
        title="rules of procedure in text form, public",
        quote="Das Unternehmen legt eine Verfahrensordnung in Textform fest, die öffentlich zugänglich ist.",
        translation="The company lays down rules of procedure in text form, which are publicly accessible.",
        translated_by=TRANSLATION,
        source=SECTION_8,
        check=RULE,
        codes=("SIP713",),
        fields=("grievance_channels[].procedure_public",),
        evidence=(Select("grievance_channels", "procedure_public", (True,)),),
        how="A grievance channel whose rules of procedure are written down and public "
        "(procedure_public: true).",
    ),
    Requirement(
        id="LKSG-8-3",
        section="§ 8 Abs. 3",
        title="impartial, independent people run it",
        quote="Die von dem Unternehmen mit der Durchführung des Verfahrens betrauten Personen müssen "
        "Gewähr für unparteiisches Handeln bieten, insbesondere müssen sie unabhängig und an "
        "Weisungen nicht gebunden sein. Sie sind zur Verschwiegenheit verpflichtet.",
        translation="The people the company entrusts with running the procedure must guarantee "
        "impartial conduct; in particular they must be independent and not bound by instructions. "
        "They are bound to secrecy.",
        translated_by=TRANSLATION,
        source=SECTION_8,
        check=RULE,
        codes=("SIP714", "SIP411"),
        fields=("grievance_channels[].operated_by",),
        evidence=(
            Select(
                "grievance_channels",
                "operated_by",
                ("company", "third-party", "worker-organisation", "government"),
            ),
        ),
        how="A grievance channel not run by the site the complaints are about (operated_by other "
        "than site, SIP714); in a plan with forced labour, SIP411 asks the same of the channel "
        "workers can use safely.",
    ),
    Requirement(
        id="LKSG-8-4",
        section="§ 8 Abs. 4",
        title="public, accessible and confidential",
        quote="Das Unternehmen muss in geeigneter Weise klare und verständliche Informationen zur "
        "Erreichbarkeit und Zuständigkeit und zur Durchführung des Beschwerdeverfahrens öffentlich "
        "zugänglich machen. Das Beschwerdeverfahren muss für potenzielle Beteiligte zugänglich sein, "
        "die Vertraulichkeit der Identität wahren und wirksamen Schutz vor Benachteiligung oder "
        "Bestrafung aufgrund einer Beschwerde gewährleisten.",
        translation="The company must make clear and understandable information on how to reach the "
        "complaints procedure, who is responsible and how it is carried out publicly available in a "
        "suitable way. The complaints procedure must be accessible to those who may use it, keep "
        "their identity confidential and protect them effectively from disadvantage or punishment "
        "for a complaint.",
        translated_by=TRANSLATION,
        source=SECTION_8,
        check=RULE,
        codes=("SIP713", "SIP411"),
        fields=(
            "grievance_channels[].procedure_public",
            "grievance_channels[].anonymous",
            "grievance_channels[].languages",
        ),
        evidence=(Select("grievance_channels", "anonymous", (True,)),),
        how="The information is public (procedure_public, SIP713), and, in a plan with forced labour, "
        "a channel is anonymous, not run by the site and in the workers' languages (SIP411).",
    ),
    Requirement(
        id="LKSG-8-5",
        section="§ 8 Abs. 5 Satz 1",
        title="the procedure's effectiveness reviewed every year",
        quote="Die Wirksamkeit des Beschwerdeverfahrens ist mindestens einmal im Jahr sowie "
        "anlassbezogen zu überprüfen, wenn das Unternehmen mit einer wesentlich veränderten oder "
        "wesentlich erweiterten Risikolage im eigenen Geschäftsbereich oder beim unmittelbaren "
        "Zulieferer rechnen muss, etwa durch die Einführung neuer Produkte, Projekte oder eines neuen "
        "Geschäftsfeldes.",
        translation="The effectiveness of the complaints procedure is to be reviewed at least once a "
        "year, and when the company must expect a substantially changed or extended risk situation "
        "in its own business area or at the direct supplier, for instance by introducing new "
        "products, projects or a new line of business.",
        translated_by=TRANSLATION,
        source=SECTION_8,
        check=RULE,
        codes=("SIP715",),
        fields=("grievance_channels[].reviewed",),
        evidence=(Select("grievance_channels", "reviewed"),),
        how="Every grievance channel open for more than 365 days before the as-of date was reviewed "
        "within them (reviewed).",
    ),
)

PROFILE = Profile(
    name="lksg",
    title="German Supply Chain Due Diligence Act (LkSG): remedial action and the complaints procedure",
    applies_to="Companies with their head office, main branch, administrative or registered seat "
    "in Germany, or a branch there, that usually employ at least 1,000 people in Germany (from 1 "
    "January 2024; 3,000 in 2023), for their own business area and their direct suppliers, and for "
    "indirect suppliers once they have substantiated knowledge (section 9).",
    severity_note="The Act binds the company: each requirement sip checks is an error.",
    requirements=REQUIREMENTS,
    sources=(SECTION_7, SECTION_8),
    not_found=("An official English translation of the Act: the English here is sip's own.",),
)
