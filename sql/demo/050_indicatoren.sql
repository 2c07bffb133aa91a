-- Demo data: the indicator catalogue (migration 009; domain/indicator.h
-- for the rules) of the half-yearly participatie rapportage, keten PART,
-- and a few Wmo indicators, keten WMO. Idempotent: keyed on (code, nummer
-- 1), so a version made later through the API is left alone.
--
-- Source: the audit letter of the rekenkamer (rekenkamerbrief sociale
-- wijkteams Zaanstad 2025). Bijlage 2 §3: the participatie rapportages of
-- 2022–2024 held "gegevens over vijftien tot achttien indicatoren"; teams
-- collect them by hand, "Sommige cijfers moeten de wijkteamorganisaties
-- opvragen bij gemeentelijke afdelingen (Uitkeringen en Naleving) en
-- Werkom" (hence the ketenpartner indicators), and for some "Het is
-- daardoor niet inzichtelijk wat de gemeente met deze indicatoren wil
-- meten" (hence a doel for each). Where a text comes from the letter, the
-- comment above it quotes the letter's words; every other text is ours.
--
-- What the rule kinds cannot express is left out: the letter's "iemand
-- [staat] bij hen nog op de wachtlijst ..., terwijl de aanvraag voor een
-- uitkering al is afgewezen" is a combination of a stand and the last
-- uitkeringsbesluit, which no telling, stand, duur or verhouding is (the
-- wachtlijst page lists those inwoners instead).
--
-- Every count is attributed the same way (issue 10): to the organisatie
-- of the event's traject and to the wijk the inwoner lived in on the day
-- of the event (for a stand: on the last day of the period). The
-- definities say what is counted; they do not repeat that.

-- ------------------------------------------------------------ participatie

-- From the letter, footnote ww (naam in the letter's words, without its
-- "in 2024": the period is the rapportage's): "‘Aantal gevoerde
-- startgesprekken in 2024, uitgesplitst naar aantal overbrugbaar, aantal
-- onoverbrugbaar, huidige stand van zaken van het traject’". The huidige
-- stand van zaken is the uitsplitsing by ketenstatus: where the inwoner
-- is at the end of the period.
INSERT IGNORE INTO indicator (code, naam, definitie, doel, eenheid, keten_id,
    thema_id, bron, aanleverende_partij, regel)
SELECT 'startgesprekken_gevoerd',
       'Aantal gevoerde startgesprekken, uitgesplitst naar aantal overbrugbaar, aantal onoverbrugbaar, huidige stand van zaken van het traject',
       'Aantal verschillende inwoners met ten minste één startgesprek in de periode; een gecorrigeerd (vervallen) gesprek telt niet. Uitgesplitst naar de uitkomst (overbrugbare of te grote afstand tot de arbeidsmarkt) en naar waar de inwoner op de laatste dag van de periode is: bij het wijkteam, bij Werkom, bij Naleving, bij het UWV of nergens meer. Een inwoner met twee gesprekken met een verschillende uitkomst telt bij beide uitkomsten.',
       'Hoeveel nieuwe bijstandsaanvragers spreekt het wijkteam, hoeveel kunnen er door naar Werkom, en waar zijn ze aan het eind van het halfjaar terechtgekomen?',
       'aantal', k.id, t.id, 'berekend', NULL,
       '{"soort": "telling", "tel": "inwoners", "type": "startgesprek", "uitsplitsing": ["uitkomst", "ketenstatus"]}'
  FROM keten k LEFT JOIN thema t ON t.code = 'PART' WHERE k.code = 'PART';

-- The letter: "Het startgesprek met de inwoner wordt gevoerd door een
-- inkomensconsulent van de gemeentelijke afdeling Uitkeringen en een
-- professional van het Sociale Wijkteam." The teller of the next one.
INSERT IGNORE INTO indicator (code, naam, definitie, doel, eenheid, keten_id,
    thema_id, bron, aanleverende_partij, regel)
SELECT 'startgesprekken_met_inkomensconsulent',
       'Startgesprekken samen met de inkomensconsulent',
       'Aantal verschillende inwoners met ten minste één startgesprek in de periode dat samen met de inkomensconsulent van Uitkeringen is gevoerd; een gecorrigeerd gesprek telt niet.',
       'Wordt het startgesprek gevoerd zoals afgesproken: door het wijkteam en de inkomensconsulent samen?',
       'aantal', k.id, t.id, 'berekend', NULL,
       '{"soort": "telling", "tel": "inwoners", "type": "startgesprek", "filters": {"met_inkomensconsulent": true}}'
  FROM keten k LEFT JOIN thema t ON t.code = 'PART' WHERE k.code = 'PART';

INSERT IGNORE INTO indicator (code, naam, definitie, doel, eenheid, keten_id,
    thema_id, bron, aanleverende_partij, regel)
SELECT 'startgesprekken_met_inkomensconsulent_pct',
       'Percentage startgesprekken samen met de inkomensconsulent',
       'Het aantal inwoners met een startgesprek samen met de inkomensconsulent (startgesprekken_met_inkomensconsulent) als percentage van alle inwoners met een startgesprek in de periode (startgesprekken_gevoerd). Geen waarde als er geen startgesprekken waren.',
       'Is het samen voeren van het startgesprek de regel of de uitzondering, en in welke wijken lukt het niet?',
       'percentage', k.id, t.id, 'berekend', NULL,
       '{"soort": "verhouding", "teller": "startgesprekken_met_inkomensconsulent", "noemer": "startgesprekken_gevoerd", "procent": true}'
  FROM keten k LEFT JOIN thema t ON t.code = 'PART' WHERE k.code = 'PART';

-- From the letter, footnote ww (naam in the letter's words): "‘Aantal
-- inwoners dat op de wachtlijst van het wijkteam staat’".
INSERT IGNORE INTO indicator (code, naam, definitie, doel, eenheid, keten_id,
    thema_id, bron, aanleverende_partij, regel)
SELECT 'inwoners_op_wachtlijst',
       'Aantal inwoners dat op de wachtlijst van het wijkteam staat',
       'Aantal verschillende inwoners dat op de laatste dag van de periode op de wachtlijst van het wijkteam staat: op de wachtlijst geplaatst en sindsdien niet van de wachtlijst af gehaald en niet afgesloten. Dezelfde telling als de wachtlijstpagina.',
       'Hoeveel inwoners wachten op begeleiding door het wijkteam, en groeit of krimpt de wachtlijst?',
       'aantal', k.id, t.id, 'berekend', NULL,
       '{"soort": "stand", "toestand": "op_wachtlijst"}'
  FROM keten k LEFT JOIN thema t ON t.code = 'PART' WHERE k.code = 'PART';

INSERT IGNORE INTO indicator (code, naam, definitie, doel, eenheid, keten_id,
    thema_id, bron, aanleverende_partij, regel)
SELECT 'wachtlijst_dagen_mediaan',
       'Wachttijd op de wachtlijst (mediaan, dagen)',
       'De mediaan van het aantal dagen tussen de plaatsing van een inwoner op de wachtlijst en het eerstvolgende moment dat dezelfde inwoner van de wachtlijst af gaat, over de wachttijden die in de periode eindigden. Wie aan het eind van de periode nog wacht, telt (nog) niet mee.',
       'Hoe lang wachten inwoners op begeleiding, en wordt dat korter?',
       'dagen', k.id, t.id, 'berekend', NULL,
       '{"soort": "duur", "van": "wachtlijst_in", "tot": "wachtlijst_uit", "statistiek": "mediaan"}'
  FROM keten k LEFT JOIN thema t ON t.code = 'PART' WHERE k.code = 'PART';

INSERT IGNORE INTO indicator (code, naam, definitie, doel, eenheid, keten_id,
    thema_id, bron, aanleverende_partij, regel)
SELECT 'overdrachten_werkom',
       'Overdrachten aan Werkom, warm en niet warm',
       'Aantal overdrachten van een inwoner door het wijkteam aan Werkom in de periode; elke overdracht telt, ook een tweede van dezelfde inwoner, en een gecorrigeerde overdracht telt niet. Uitgesplitst naar warm overgedragen (ja) en niet warm overgedragen (nee).',
       'Gaan inwoners met een overbrugbare afstand tot de arbeidsmarkt door naar Werkom, en gebeurt dat met een warme overdracht zoals afgesproken?',
       'aantal', k.id, t.id, 'berekend', NULL,
       '{"soort": "telling", "tel": "gebeurtenissen", "type": "overdracht_werkom", "uitsplitsing": ["warm"]}'
  FROM keten k LEFT JOIN thema t ON t.code = 'PART' WHERE k.code = 'PART';

INSERT IGNORE INTO indicator (code, naam, definitie, doel, eenheid, keten_id,
    thema_id, bron, aanleverende_partij, regel)
SELECT 'overdracht_dagen_tot_acceptatie',
       'Dagen van overdracht tot acceptatie door Werkom (gemiddeld)',
       'Het gemiddelde aantal dagen tussen een overdracht aan Werkom en de eerstvolgende acceptatie van dezelfde inwoner door Werkom, over de acceptaties in de periode. Overdrachten die Werkom (nog) niet accepteerde, tellen niet mee.',
       'Hoe snel neemt Werkom een overgedragen inwoner op, en blijven inwoners tussen wijkteam en Werkom hangen?',
       'dagen', k.id, t.id, 'berekend', NULL,
       '{"soort": "duur", "van": "overdracht_werkom", "tot": "overdracht_geaccepteerd", "statistiek": "gemiddelde"}'
  FROM keten k LEFT JOIN thema t ON t.code = 'PART' WHERE k.code = 'PART';

INSERT IGNORE INTO indicator (code, naam, definitie, doel, eenheid, keten_id,
    thema_id, bron, aanleverende_partij, regel)
SELECT 'inwoners_bij_werkom',
       'Inwoners bij Werkom',
       'Aantal verschillende inwoners dat op de laatste dag van de periode bij Werkom is: Werkom heeft hun overdracht geaccepteerd en heeft hen (nog) niet teruggestuurd, en hun traject is niet afgesloten.',
       'Hoeveel inwoners uit de wijk begeleidt Werkom op dit moment na een overdracht door het wijkteam?',
       'aantal', k.id, t.id, 'berekend', NULL,
       '{"soort": "stand", "toestand": "bij_werkom"}'
  FROM keten k LEFT JOIN thema t ON t.code = 'PART' WHERE k.code = 'PART';

-- From the letter, footnote ww (naam in the letter's words up to "SWT";
-- its question "Was er een warme overdracht door Werkom" became "met of
-- zonder warme overdracht", the uitsplitsing): "‘Aantal inwoners dat na
-- begeleiding door Werkom terugkomt bij het SWT (startgesprekken), in de
-- lopende periode waarover gerapporteerd wordt. Was er een warme
-- overdracht door Werkom’". The doel from the letter's "frustratie over
-- het hoge aantal inwoners dat vanuit Werkom naar hen wordt teruggestuurd
-- zonder warme overdracht".
INSERT IGNORE INTO indicator (code, naam, definitie, doel, eenheid, keten_id,
    thema_id, bron, aanleverende_partij, regel)
SELECT 'terug_van_werkom',
       'Aantal inwoners dat na begeleiding door Werkom terugkomt bij het SWT, met of zonder warme overdracht',
       'Aantal verschillende inwoners dat Werkom in de periode terugstuurde naar het wijkteam; een gecorrigeerde terugmelding telt niet. Uitgesplitst naar met (ja) en zonder (nee) warme overdracht door Werkom. Telt voor het wijkteam van het traject, ook al registreert Werkom de terugmelding.',
       'Hoeveel inwoners komen terug van Werkom, en hoeveel daarvan zonder warme overdracht?',
       'aantal', k.id, t.id, 'berekend', NULL,
       '{"soort": "telling", "tel": "inwoners", "type": "terug_van_werkom", "uitsplitsing": ["warme_overdracht"]}'
  FROM keten k LEFT JOIN thema t ON t.code = 'PART' WHERE k.code = 'PART';

-- The letter names "het opstellen van een plan van aanpak" among the tasks
-- of the brede opdracht.
INSERT IGNORE INTO indicator (code, naam, definitie, doel, eenheid, keten_id,
    thema_id, bron, aanleverende_partij, regel)
SELECT 'plannen_van_aanpak',
       'Plannen van aanpak',
       'Aantal verschillende participatietrajecten waarin in de periode een plan van aanpak is opgesteld; een gecorrigeerd plan telt niet, en plannen bij andere soorten trajecten (zoals schulden) tellen niet mee.',
       'Krijgt elke inwoner die het wijkteam zelf begeleidt een plan van aanpak?',
       'aantal', k.id, t.id, 'berekend', NULL,
       '{"soort": "telling", "tel": "trajecten", "type": "plan_van_aanpak", "traject": {"soort": "participatie"}}'
  FROM keten k LEFT JOIN thema t ON t.code = 'PART' WHERE k.code = 'PART';

-- The letter: "Binnen de aanvullende opdracht werden eind 2024 vier
-- profielen geïntroduceerd, waarbij een deel van de cliënten intensief
-- begeleid werd en een ander deel met rust gelaten."
INSERT IGNORE INTO indicator (code, naam, definitie, doel, eenheid, keten_id,
    thema_id, bron, aanleverende_partij, regel)
SELECT 'profielen_toegekend',
       'Profielen toegekend in de aanvullende opdracht',
       'Aantal verschillende inwoners dat in de periode een profiel kreeg in de aanvullende opdracht participatie, uitgesplitst naar profiel 1 tot en met 4; een gecorrigeerde toekenning telt niet. Wie in de periode twee verschillende profielen kreeg, telt bij beide.',
       'Hoe is de aanvullende opdracht verdeeld over intensieve begeleiding en inwoners die met rust gelaten worden?',
       'aantal', k.id, t.id, 'berekend', NULL,
       '{"soort": "telling", "tel": "inwoners", "type": "profiel_toegekend", "uitsplitsing": ["profiel"]}'
  FROM keten k LEFT JOIN thema t ON t.code = 'PART' WHERE k.code = 'PART';

-- The letter: "Ook melden ze weinig inwoners aan bij het programma Meedoen
-- Werkt van afdeling Naleving", and "volgens de gemeente is dat niet goed,
-- maar volgens een wijkteamorganisatie juist wel".
INSERT IGNORE INTO indicator (code, naam, definitie, doel, eenheid, keten_id,
    thema_id, bron, aanleverende_partij, regel)
SELECT 'aanmeldingen_meedoen_werkt',
       'Aanmeldingen bij Meedoen Werkt',
       'Aantal verschillende inwoners dat het wijkteam in de periode aanmeldde bij het programma Meedoen Werkt van Naleving; een gecorrigeerde aanmelding telt niet.',
       'Hoeveel inwoners die niet (willen) meewerken aan participatie meldt het wijkteam aan bij Meedoen Werkt? Het gesprek daarover is een terugkerend punt in de resultaatgesprekken.',
       'aantal', k.id, t.id, 'berekend', NULL,
       '{"soort": "telling", "tel": "inwoners", "type": "aanmelding_meedoen_werkt"}'
  FROM keten k LEFT JOIN thema t ON t.code = 'PART' WHERE k.code = 'PART';

-- Ketenpartners. The letter: "Sommige cijfers moeten de
-- wijkteamorganisaties opvragen bij gemeentelijke afdelingen (Uitkeringen
-- en Naleving) en Werkom." These three the partner delivers itself.
INSERT IGNORE INTO indicator (code, naam, definitie, doel, eenheid, keten_id,
    thema_id, bron, aanleverende_partij, regel)
SELECT 'bijstandsaanvragen',
       'Aanvragen bijstandsuitkering',
       'Aantal aanvragen van een bijstandsuitkering (Participatiewet) van inwoners van de wijk die in de periode bij Uitkeringen binnenkwamen, zoals Uitkeringen het per wijk aanlevert.',
       'Krijgt elke aanvrager een startgesprek? Naast het aantal startgesprekken laat dit zien hoeveel aanvragers er geen hadden.',
       'aantal', k.id, t.id, 'ketenpartner', 'uitkeringen', NULL
  FROM keten k LEFT JOIN thema t ON t.code = 'PART' WHERE k.code = 'PART';

INSERT IGNORE INTO indicator (code, naam, definitie, doel, eenheid, keten_id,
    thema_id, bron, aanleverende_partij, regel)
SELECT 'werkom_uitstroom_werk',
       'Uitstroom naar werk vanuit Werkom',
       'Aantal inwoners dat het wijkteam aan Werkom overdroeg en dat in de periode vanuit Werkom is uitgestroomd naar betaald werk, zoals Werkom het per wijk aanlevert.',
       'Leidt de overdracht aan Werkom tot werk? Dat is het doel van de Participatiewet waar het wijkteam aan bijdraagt.',
       'aantal', k.id, t.id, 'ketenpartner', 'werkom', NULL
  FROM keten k LEFT JOIN thema t ON t.code = 'PART' WHERE k.code = 'PART';

-- The letter: "Volgens Naleving doen wijkteammedewerkers geen of te weinig
-- meldingen van maatregelwaardig gedrag en geven zij signalen van
-- mogelijke fraude niet altijd door."
INSERT IGNORE INTO indicator (code, naam, definitie, doel, eenheid, keten_id,
    thema_id, bron, aanleverende_partij, regel)
SELECT 'naleving_meldingen_wijkteam',
       'Meldingen van het wijkteam aan Naleving',
       'Aantal meldingen van maatregelwaardig gedrag of van een vermoeden van fraude die Naleving in de periode van het wijkteam ontving, zoals Naleving het per wijk aanlevert.',
       'Krijgt Naleving de signalen die het wijkteam volgens de werkafspraken doorgeeft? Over het antwoord verschillen Naleving en de wijkteams van mening.',
       'aantal', k.id, t.id, 'ketenpartner', 'naleving', NULL
  FROM keten k LEFT JOIN thema t ON t.code = 'PART' WHERE k.code = 'PART';

-- Handmatig: what only the team knows. The inzet: the letter expects the
-- move of the startgesprekken to Werkom to have "mogelijk gevolgen voor de
-- personele inzet van de wijkteams".
INSERT IGNORE INTO indicator (code, naam, definitie, doel, eenheid, keten_id,
    thema_id, bron, aanleverende_partij, regel)
SELECT 'inzet_participatie_fte',
       'Inzet voor participatie (fte)',
       'De gemiddelde formatie in fte van de professionals van het team die in de periode aan participatie werkten, voor de brede en de aanvullende opdracht samen, zoals het team die opgeeft; ingehuurde krachten tellen mee, de inkomensconsulenten van Uitkeringen niet.',
       'Past de inzet bij het werk (startgesprekken, wachtlijst, aanvullende opdracht), en wat verandert er als Werkom de startgesprekken overneemt?',
       'fte', k.id, t.id, 'handmatig', NULL, NULL
  FROM keten k LEFT JOIN thema t ON t.code = 'PART' WHERE k.code = 'PART';

-- The letter: "Wel nam de gemeente het initiatief tot
-- casuïstiekbesprekingen om de overdracht van inwoners van het wijkteam
-- naar Werkom te verbeteren", and wijkteams and Naleving "hebben onder
-- meer een kennissessie en casuïstiekbesprekingen georganiseerd".
INSERT IGNORE INTO indicator (code, naam, definitie, doel, eenheid, keten_id,
    thema_id, bron, aanleverende_partij, regel)
SELECT 'casuistiekbesprekingen_keten',
       'Casuïstiekbesprekingen met Werkom en Naleving',
       'Aantal casuïstiekbesprekingen met Werkom of Naleving waaraan het team in de periode deelnam, zoals het team ze opgeeft.',
       'Investeren wijkteam en ketenpartners in hun samenwerking, zoals de casuïstiekbesprekingen over de overdracht aan Werkom bedoeld zijn?',
       'aantal', k.id, t.id, 'handmatig', NULL, NULL
  FROM keten k LEFT JOIN thema t ON t.code = 'PART' WHERE k.code = 'PART';

-- The letter: "Wijkteamorganisaties geven aan dat knelpunten die zij
-- aandragen tijdens de resultaatgesprekken niet altijd zijn opgepakt."
INSERT IGNORE INTO indicator (code, naam, definitie, doel, eenheid, keten_id,
    thema_id, bron, aanleverende_partij, regel)
SELECT 'knelpunten_participatieketen',
       'Knelpunten in de participatieketen',
       'De knelpunten in de samenwerking met Uitkeringen, Naleving en Werkom die het team in de periode ervoer, in eigen woorden: wat er gebeurde, wat het team eraan deed en wat het van de gemeente vraagt.',
       'Welke knelpunten moet de gemeente als regisseur van de keten oppakken, en hoort het team wat ermee gedaan is?',
       'tekst', k.id, t.id, 'handmatig', NULL, NULL
  FROM keten k LEFT JOIN thema t ON t.code = 'PART' WHERE k.code = 'PART';

-- ------------------------------------------------------------ Wmo

-- The indicator the letter misses (Bijlage 1): "De gemeente heeft nog
-- steeds zicht op het aantal IB-indicaties dat de wijkteams afgeven, maar
-- niet op hoeveel IB de Sociale Wijkteams zelf bieden."
INSERT IGNORE INTO indicator (code, naam, definitie, doel, eenheid, keten_id,
    thema_id, bron, aanleverende_partij, regel)
SELECT 'ib_eigen_gestart',
       'Individuele begeleiding door het team zelf',
       'Aantal verschillende inwoners bij wie het wijkteam in de periode zelf individuele begeleiding (IB) startte; een gecorrigeerde start telt niet.',
       'Hoeveel IB biedt het wijkteam zelf, sinds de pilot individuele begeleiding in 2024 in de brede opdracht is opgegaan?',
       'aantal', k.id, t.id, 'berekend', NULL,
       '{"soort": "telling", "tel": "inwoners", "type": "ib_eigen_gestart"}'
  FROM keten k LEFT JOIN thema t ON t.code = 'MO' WHERE k.code = 'WMO';

INSERT IGNORE INTO indicator (code, naam, definitie, doel, eenheid, keten_id,
    thema_id, bron, aanleverende_partij, regel)
SELECT 'ib_indicaties_afgegeven',
       'Indicaties individuele begeleiding (tweede lijn)',
       'Aantal verschillende inwoners voor wie het wijkteam in de periode een indicatie voor individuele begeleiding door een Wmo-aanbieder (tweede lijn) afgaf; een gecorrigeerde indicatie telt niet.',
       'Hoeveel inwoners verwijst het wijkteam voor IB door naar de tweede lijn?',
       'aantal', k.id, t.id, 'berekend', NULL,
       '{"soort": "telling", "tel": "inwoners", "type": "ib_indicatie_afgegeven"}'
  FROM keten k LEFT JOIN thema t ON t.code = 'MO' WHERE k.code = 'WMO';

-- The two side by side, as the letter asks: the IB the teams give next to
-- the indicaties they issue.
INSERT IGNORE INTO indicator (code, naam, definitie, doel, eenheid, keten_id,
    thema_id, bron, aanleverende_partij, regel)
SELECT 'ib_eigen_per_indicatie_pct',
       'Eigen individuele begeleiding ten opzichte van IB-indicaties',
       'Het aantal inwoners bij wie het team zelf IB startte (ib_eigen_gestart) als percentage van het aantal inwoners voor wie het team een IB-indicatie afgaf (ib_indicaties_afgegeven), in dezelfde periode. Boven 100 geeft het team meer inwoners zelf IB dan het er naar de tweede lijn verwijst. Geen waarde zonder indicaties.',
       'Vangt het team de lichte IB zelf op in plaats van te indiceren, zoals de pilot individuele begeleiding beoogde?',
       'percentage', k.id, t.id, 'berekend', NULL,
       '{"soort": "verhouding", "teller": "ib_eigen_gestart", "noemer": "ib_indicaties_afgegeven", "procent": true}'
  FROM keten k LEFT JOIN thema t ON t.code = 'MO' WHERE k.code = 'WMO';

-- The letter (Bijlage 1): the monitoring "laat ... niet zien aan hoeveel
-- cliënten de wijkteams IB bieden en wat de IB voor deze cliënten en voor
-- de bedrijfsvoering betekent". The number is ib_eigen_gestart; what it
-- means, only the team can say.
INSERT IGNORE INTO indicator (code, naam, definitie, doel, eenheid, keten_id,
    thema_id, bron, aanleverende_partij, regel)
SELECT 'ib_eigen_betekenis',
       'Wat de eigen individuele begeleiding betekent',
       'In eigen woorden: wat de individuele begeleiding die het team in de periode zelf gaf, betekende voor de inwoners en voor de bedrijfsvoering van het team (tijd, wachtlijst, personeel).',
       'Wat levert het zelf bieden van IB op, voor inwoners en voor het team, naast het aantal?',
       'tekst', k.id, t.id, 'handmatig', NULL, NULL
  FROM keten k LEFT JOIN thema t ON t.code = 'MO' WHERE k.code = 'WMO';

-- ------------------------------------------------------------ eisen

-- The eisen of sql/demo/030_opdrachten.sql each indicator serves (version
-- 1). B-1 (bereikbaarheid) and B-2 (halfjaarlijks rapporteren) have no
-- indicator of their own: the first is not measured by these, the second
-- is the rapportage itself.
INSERT IGNORE INTO indicator_eis (indicator_id, eis_id)
SELECT i.id, e.id
  FROM (SELECT 'startgesprekken_gevoerd' ind, 'BREED' op, 'P-1' eis
        UNION ALL SELECT 'startgesprekken_met_inkomensconsulent', 'BREED', 'P-1'
        UNION ALL SELECT 'startgesprekken_met_inkomensconsulent_pct', 'BREED', 'P-1'
        UNION ALL SELECT 'bijstandsaanvragen', 'BREED', 'P-1'
        UNION ALL SELECT 'inwoners_op_wachtlijst', 'AANV-PART', 'P-2'
        UNION ALL SELECT 'wachtlijst_dagen_mediaan', 'AANV-PART', 'P-2'
        UNION ALL SELECT 'overdrachten_werkom', 'BREED', 'P-3'
        UNION ALL SELECT 'overdracht_dagen_tot_acceptatie', 'BREED', 'P-3'
        UNION ALL SELECT 'terug_van_werkom', 'BREED', 'P-3') m
  JOIN indicator i ON i.code = m.ind AND i.nummer = 1
  JOIN opdracht o ON o.code = m.op
  JOIN eis e ON e.opdracht_id = o.id AND e.code = m.eis;
