"""Bokmål for the 8 steps (coordination/models/steps.py)."""

NB = {
    "Anchor": "Forankre",
    "Map": "Kartlegge",
    "Establish cooperation": "Etablere samarbeid",
    "Involve": "Involvere",
    "Prioritise competence": "Prioritere kompetanse",
    "Develop routines": "Utvikle rutiner",
    "Systematise": "Systematisere",
    "Put volunteering on the agenda": "Sette frivillighet på dagsordenen",
    "A local volunteering policy, guidelines for cooperation, a legal check and internal anchoring.": "En lokal frivillighetspolitikk, retningslinjer for samarbeid, en juridisk avklaring og forankring internt.",
    "Needs for activities and meeting places; a map of partners in the voluntary sector and the neighbourhood; the municipality's own resources.": "Behov for aktiviteter og møteplasser; et kart over samarbeidspartnere i frivilligheten og nærmiljøet; kommunens egne ressurser.",
    "Contact partners, answer quickly, clarify expectations, written cooperation agreements.": "Ta kontakt med samarbeidspartnere, svar raskt, avklar forventninger, skriftlige samarbeidsavtaler.",
    "Staff in the planning, volunteers early and with real influence, the neighbourhood.": "Ansatte med i planleggingen, frivillige tidlig og med reell innflytelse, nærmiljøet.",
    "Training for staff, introductory courses for volunteers, role clarity and confidentiality, ethical reflection.": "Opplæring av ansatte, introduksjonskurs for frivillige, rolleavklaring og taushetsplikt, etisk refleksjon.",
    "How to start and care for cooperation with volunteers, made together with volunteers, collected in a routine binder that staff and volunteers can easily reach.": "Hvordan samarbeid med frivillige startes og følges opp, laget sammen med frivillige og samlet i en rutineperm som ansatte og frivillige lett finner fram i.",
    "Clear frames: a responsibility map showing who is responsible for what, and an annual wheel for activities and volunteering.": "Tydelige rammer: et ansvarskart som viser hvem som har ansvar for hva, og et årshjul for aktiviteter og frivillighet.",
    "A fixed item in management meetings; visible on the municipality's web pages.": "Et fast punkt på ledermøter; synlig på kommunens nettsider.",
}
