-- Demo data: the rapportage formats (migration 011) — "Rapportage
-- participatie" in two published versions, 2023 and 2024, the second
-- adding and changing indicators after a consultation of the three
-- wijkteamorganisaties, with its lineage; a smaller Wmo format; the
-- fifteen eisen of the PvE and the UO the participatie rapportages answer;
-- and streefwaarden for some indicators and deliberately none for others.
-- Idempotent: every row is keyed on a unique key or guarded by NOT EXISTS,
-- so a second seed-demo adds nothing and a change made later through the
-- API is left alone.
--
-- Source: the audit letter (Bijlage 2 §3): "De rapportages over
-- participatie uit 2022, 2023 en 2024 bevatten gegevens over vijftien tot
-- achttien indicatoren en sinds 2023 ook de stand van zaken op vijftien
-- eisen uit het Programma van Eisen en de uitvoeringsovereenkomst"; "de
-- formats die de gemeente daarvoor aanlevert tussentijds wijzigen"; "Aan
-- sommige indicatoren zijn geen doelstellingen of streefwaarden
-- verbonden". The letter does not list the fifteen eisen: where it names
-- one (a task of the brede or the aanvullende opdracht, a sentence of the
-- PvE), the comment quotes it; the others are ours and say so in their
-- omschrijving ("Illustratieve demo-eis.").

-- ------------------------------------------------------------ eisen

-- "Sinds 2023": the eisen of issue 10's demo start in 2023 too (only
-- while nobody changed them).
UPDATE eis e JOIN opdracht o ON o.id = e.opdracht_id
   SET e.geldig_van = '2023-01-01', e.versie = e.versie + 1
 WHERE o.code IN ('BREED', 'AANV-PART') AND e.code IN ('P-1', 'P-2', 'P-3', 'B-1', 'B-2')
   AND e.geldig_van = '2024-01-01' AND e.versie = 1;

-- P-4, the aanvullende opdracht: "gericht op het contact houden met en
-- begeleiden van mensen die (al langere tijd) een uitkering ontvangen".
-- P-5 and P-6, tasks of the brede opdracht the letter names: "de
-- begeleiding van nieuw ingestroomde bijstandsgerechtigden" and the plan
-- van aanpak. P-7, footnote bbb: "In 2024 werd de focus van de
-- aanvullende opdracht: het spreken van alle inwoners met een uitkering
-- die nog niet in beeld waren." B-3, the PvE: the wijkteamorganisaties
-- "de door de gemeente ter beschikking gestelde applicaties voor
-- registratie zouden gebruiken". B-4, the PvE: "Om de doorontwikkeling
-- vorm te geven is een hechte samenwerking tussen gemeente Zaanstad en
-- opdrachtnemers noodzakelijk."
INSERT IGNORE INTO eis (opdracht_id, code, omschrijving, bron, geldig_van)
SELECT op.id, m.code, m.oms, m.bron, m.van
  FROM (SELECT 'AANV-PART' op, 'P-4' code, 'Het wijkteam houdt contact met en begeleidt inwoners die (al langere tijd) een uitkering ontvangen.' oms, 'uvo' bron, '2023-01-01' van
        UNION ALL SELECT 'BREED', 'P-5', 'Het wijkteam begeleidt nieuw ingestroomde bijstandsgerechtigden.', 'uvo', '2023-01-01'
        UNION ALL SELECT 'BREED', 'P-6', 'Met elke inwoner die het wijkteam naar participatie begeleidt, stelt het wijkteam een plan van aanpak op.', 'uvo', '2023-01-01'
        UNION ALL SELECT 'AANV-PART', 'P-7', 'Het wijkteam spreekt alle inwoners met een uitkering die nog niet in beeld waren.', 'uvo', '2024-01-01'
        UNION ALL SELECT 'BREED', 'B-3', 'De wijkteamorganisaties registreren in de applicaties die de gemeente ter beschikking stelt.', 'pve', '2023-01-01'
        UNION ALL SELECT 'BREED', 'B-4', 'Gemeente en opdrachtnemers werken als partners hecht samen aan de doorontwikkeling van de wijkteams.', 'pve', '2023-01-01'
        UNION ALL SELECT 'AANV-PART', 'P-8', 'Het wijkteam meldt inwoners voor wie dat past aan bij Meedoen Werkt van de afdeling Naleving. Illustratieve demo-eis.', 'uvo', '2023-01-01'
        UNION ALL SELECT 'AANV-PART', 'P-9', 'Het wijkteam kent elke inwoner in de aanvullende opdracht een van de vier profielen toe. Illustratieve demo-eis.', 'uvo', '2024-01-01'
        UNION ALL SELECT 'AANV-PART', 'P-10', 'Het wijkteam neemt binnen vier weken na de aanvraag van een uitkering contact op met de inwoner. Illustratieve demo-eis.', 'uvo', '2023-01-01'
        UNION ALL SELECT 'AANV-PART', 'P-11', 'Het wijkteam rapporteert per kwartaal over het aantal inwoners in het Zittend Bestand. Illustratieve demo-eis.', 'uvo', '2023-01-01'
        UNION ALL SELECT 'BREED', 'B-5', 'Het wijkteam meldt knelpunten in de keten aan de opgaveregisseur. Illustratieve demo-eis.', 'pve', '2023-01-01'
        UNION ALL SELECT 'AANV-PART', 'B-6', 'Het wijkteam zet de afgesproken formatie voor participatie in. Illustratieve demo-eis.', 'uvo', '2023-01-01') m
  JOIN opdracht op ON op.code = m.op;

-- P-10 and P-11 held in 2023 only: in 2024 P-7 and P-9 took their place,
-- so each year's format asks fifteen.
UPDATE eis e JOIN opdracht o ON o.id = e.opdracht_id
   SET e.geldig_tot = '2023-12-31', e.versie = e.versie + 1
 WHERE o.code = 'AANV-PART' AND e.code IN ('P-10', 'P-11') AND e.geldig_tot IS NULL AND e.versie = 1;

INSERT IGNORE INTO indicator_eis (indicator_id, eis_id)
SELECT i.id, e.id
  FROM (SELECT 'plannen_van_aanpak' ind, 'BREED' op, 'P-6' eis
        UNION ALL SELECT 'profielen_toegekend', 'AANV-PART', 'P-9'
        UNION ALL SELECT 'aanmeldingen_meedoen_werkt', 'AANV-PART', 'P-8'
        UNION ALL SELECT 'knelpunten_participatieketen', 'BREED', 'B-5'
        UNION ALL SELECT 'inzet_participatie_fte', 'AANV-PART', 'B-6') m
  JOIN indicator i ON i.code = m.ind AND i.nummer = 1
  JOIN opdracht o ON o.code = m.op
  JOIN eis e ON e.opdracht_id = o.id AND e.code = m.eis;

-- ------------------------------------------------------------ a changed indicator

-- The 2024 format changed the wachttijd tot acceptatie from an average to
-- a median (a few very long overdrachten skewed the average): a new
-- version of the indicator, whose series does not continue the old one.
INSERT IGNORE INTO indicator (code, nummer, vorige_id, actief, naam, definitie, doel,
    eenheid, keten_id, thema_id, drempel_vorige_periode, bron, aanleverende_partij, regel, in_gebruik)
SELECT i.code, 2, i.id, 1, 'Dagen van overdracht tot acceptatie door Werkom (mediaan)',
       'De mediaan van het aantal dagen tussen een overdracht aan Werkom en de eerstvolgende acceptatie van dezelfde inwoner door Werkom, over de acceptaties in de periode. Overdrachten die Werkom (nog) niet accepteerde, tellen niet mee.',
       i.doel, i.eenheid, i.keten_id, i.thema_id, i.drempel_vorige_periode, i.bron, i.aanleverende_partij,
       '{"soort": "duur", "van": "overdracht_werkom", "tot": "overdracht_geaccepteerd", "statistiek": "mediaan"}', 1
  FROM indicator i WHERE i.code = 'overdracht_dagen_tot_acceptatie' AND i.nummer = 1;

UPDATE indicator i JOIN indicator n ON n.code = i.code AND n.nummer = 2 AND n.vorige_id = i.id
   SET i.actief = 0, i.in_gebruik = 1, i.versie = i.versie + 1
 WHERE i.code = 'overdracht_dagen_tot_acceptatie' AND i.nummer = 1 AND i.actief = 1;

INSERT IGNORE INTO indicator_eis (indicator_id, eis_id)
SELECT n.id, ie.eis_id FROM indicator n
  JOIN indicator o ON o.id = n.vorige_id
  JOIN indicator_eis ie ON ie.indicator_id = o.id
 WHERE n.code = 'overdracht_dagen_tot_acceptatie' AND n.nummer = 2;

-- ------------------------------------------------------------ formats

INSERT IGNORE INTO format (code, naam, omschrijving, keten_id)
SELECT m.code, m.naam, m.oms, k.id
  FROM (SELECT 'participatie' code, 'Rapportage participatie' naam,
               'De halfjaarlijkse rapportage van de wijkteamorganisaties over de participatie-opdracht: startgesprekken, wachtlijst, Werkom en Naleving, inzet, en de stand van zaken op de eisen uit het Programma van Eisen en de uitvoeringsovereenkomst.' oms,
               'PART' keten
        UNION ALL SELECT 'wmo_ib', 'Rapportage Wmo en individuele begeleiding',
               'De halfjaarlijkse rapportage over de individuele begeleiding die het wijkteam zelf geeft, naast de indicaties voor de tweede lijn.',
               'WMO') m
  JOIN keten k ON k.code = m.keten;

-- Version 1 of the participatie format: published before 2023 began, not
-- put out for consultation. Version 2: consulted in January 2024 and
-- published on 12 February 2024, after its first period had begun — so
-- with a reason, which every rapportage of 2024-H1 shows. The Wmo format:
-- one version, published before 2024.
INSERT IGNORE INTO formatversie (format_id, nummer, eerste_periode, eerste_dag,
    indientermijn_dagen, toelichting, status, consultatie_van, gepubliceerd_op,
    gepubliceerd_door, midden_in_periode, publicatie_reden)
SELECT f.id, m.nummer, m.periode, m.dag, m.termijn, m.toel, 'gepubliceerd', m.cons, m.publ,
       g.id, m.midden, m.reden
  FROM (SELECT 'participatie' fmt, 1 nummer, '2023-H1' periode, DATE('2023-01-01') dag, 42 termijn,
               'Het format zoals het in 2023 werd gebruikt.' toel,
               CAST(NULL AS DATETIME) cons, TIMESTAMP('2022-12-12 10:00:00') publ, 0 midden,
               CAST(NULL AS CHAR) reden
        UNION ALL SELECT 'participatie', 2, '2024-H1', DATE('2024-01-01'), 42,
               'Het format van 2024: het percentage startgesprekken met de inkomensconsulent, de profielen van de aanvullende opdracht, de aanmeldingen bij Meedoen Werkt en de knelpunten in de keten erbij; de wachttijd tot acceptatie door Werkom als mediaan.',
               TIMESTAMP('2024-01-08 09:00:00'), TIMESTAMP('2024-02-12 14:30:00'), 1,
               'De consultatie liep tot eind januari. De wachttijd tot acceptatie door Werkom wordt voortaan als mediaan gerapporteerd, omdat enkele zeer lange overdrachten het gemiddelde vertekenden; zo afgesproken in het resultaatgesprek van januari 2024.'
        UNION ALL SELECT 'wmo_ib', 1, '2024-H1', DATE('2024-01-01'), 42,
               'De individuele begeleiding die het wijkteam zelf geeft, naast de indicaties voor de tweede lijn (de pilot IB is sinds 2024 deel van de brede opdracht).',
               NULL, TIMESTAMP('2023-12-01 11:00:00'), 0, NULL) m
  JOIN format f ON f.code = m.fmt
  JOIN gebruiker g ON g.gebruikersnaam = IF(m.fmt = 'wmo_ib', 'regisseur.wmo', 'regisseur.participatie');

INSERT IGNORE INTO formatversie_sectie (formatversie_id, volgorde, titel)
SELECT v.id, m.volgorde, m.titel
  FROM (SELECT 'participatie' fmt, 1 nummer, 1 volgorde, 'Startgesprekken' titel
        UNION ALL SELECT 'participatie', 1, 2, 'Wachtlijst'
        UNION ALL SELECT 'participatie', 1, 3, 'Werkom en Naleving'
        UNION ALL SELECT 'participatie', 1, 4, 'Inzet'
        UNION ALL SELECT 'participatie', 1, 5, 'Eisen uit het Programma van Eisen en de uitvoeringsovereenkomst'
        UNION ALL SELECT 'participatie', 1, 6, 'Open vragen'
        UNION ALL SELECT 'participatie', 2, 1, 'Startgesprekken en plan van aanpak'
        UNION ALL SELECT 'participatie', 2, 2, 'Wachtlijst'
        UNION ALL SELECT 'participatie', 2, 3, 'Werkom en Naleving'
        UNION ALL SELECT 'participatie', 2, 4, 'Aanvullende opdracht'
        UNION ALL SELECT 'participatie', 2, 5, 'Inzet en knelpunten'
        UNION ALL SELECT 'participatie', 2, 6, 'Eisen uit het Programma van Eisen en de uitvoeringsovereenkomst'
        UNION ALL SELECT 'participatie', 2, 7, 'Open vragen'
        UNION ALL SELECT 'wmo_ib', 1, 1, 'Individuele begeleiding'
        UNION ALL SELECT 'wmo_ib', 1, 2, 'Open vragen') m
  JOIN format f ON f.code = m.fmt
  JOIN formatversie v ON v.format_id = f.id AND v.nummer = m.nummer;

-- The indicators, per version and section, pinned to the indicator
-- version the format was published with. lijn for version 2: every
-- indicator of version 1 continues its series, except the wachttijd tot
-- acceptatie (a median is no average); the four new ones have no
-- predecessor (niet_vergelijkbaar).
INSERT IGNORE INTO formatversie_item (formatversie_id, sectie_id, volgorde, soort,
    indicator_id, lijn, vorige_indicator_id)
SELECT v.id, s.id, m.volgorde, 'indicator', i.id,
       CASE WHEN m.nummer = 1 THEN NULL WHEN m.vorige IS NULL THEN 'niet_vergelijkbaar' ELSE 'vergelijkbaar' END,
       vi.id
  FROM (SELECT 'participatie' fmt, 1 nummer, 1 sectie, 1 volgorde, 'startgesprekken_gevoerd' ind, 1 inr, NULL vorige, NULL vnr
        UNION ALL SELECT 'participatie', 1, 1, 2, 'startgesprekken_met_inkomensconsulent', 1, NULL, NULL
        UNION ALL SELECT 'participatie', 1, 1, 3, 'bijstandsaanvragen', 1, NULL, NULL
        UNION ALL SELECT 'participatie', 1, 2, 1, 'inwoners_op_wachtlijst', 1, NULL, NULL
        UNION ALL SELECT 'participatie', 1, 2, 2, 'wachtlijst_dagen_mediaan', 1, NULL, NULL
        UNION ALL SELECT 'participatie', 1, 3, 1, 'overdrachten_werkom', 1, NULL, NULL
        UNION ALL SELECT 'participatie', 1, 3, 2, 'overdracht_dagen_tot_acceptatie', 1, NULL, NULL
        UNION ALL SELECT 'participatie', 1, 3, 3, 'inwoners_bij_werkom', 1, NULL, NULL
        UNION ALL SELECT 'participatie', 1, 3, 4, 'terug_van_werkom', 1, NULL, NULL
        UNION ALL SELECT 'participatie', 1, 3, 5, 'werkom_uitstroom_werk', 1, NULL, NULL
        UNION ALL SELECT 'participatie', 1, 3, 6, 'naleving_meldingen_wijkteam', 1, NULL, NULL
        UNION ALL SELECT 'participatie', 1, 4, 1, 'inzet_participatie_fte', 1, NULL, NULL
        UNION ALL SELECT 'participatie', 1, 4, 2, 'casuistiekbesprekingen_keten', 1, NULL, NULL
        UNION ALL SELECT 'participatie', 1, 4, 3, 'plannen_van_aanpak', 1, NULL, NULL
        UNION ALL SELECT 'participatie', 2, 1, 1, 'startgesprekken_gevoerd', 1, 'startgesprekken_gevoerd', 1
        UNION ALL SELECT 'participatie', 2, 1, 2, 'startgesprekken_met_inkomensconsulent', 1, 'startgesprekken_met_inkomensconsulent', 1
        UNION ALL SELECT 'participatie', 2, 1, 3, 'startgesprekken_met_inkomensconsulent_pct', 1, NULL, NULL
        UNION ALL SELECT 'participatie', 2, 1, 4, 'bijstandsaanvragen', 1, 'bijstandsaanvragen', 1
        UNION ALL SELECT 'participatie', 2, 1, 5, 'plannen_van_aanpak', 1, 'plannen_van_aanpak', 1
        UNION ALL SELECT 'participatie', 2, 2, 1, 'inwoners_op_wachtlijst', 1, 'inwoners_op_wachtlijst', 1
        UNION ALL SELECT 'participatie', 2, 2, 2, 'wachtlijst_dagen_mediaan', 1, 'wachtlijst_dagen_mediaan', 1
        UNION ALL SELECT 'participatie', 2, 3, 1, 'overdrachten_werkom', 1, 'overdrachten_werkom', 1
        UNION ALL SELECT 'participatie', 2, 3, 2, 'overdracht_dagen_tot_acceptatie', 2, NULL, NULL
        UNION ALL SELECT 'participatie', 2, 3, 3, 'inwoners_bij_werkom', 1, 'inwoners_bij_werkom', 1
        UNION ALL SELECT 'participatie', 2, 3, 4, 'terug_van_werkom', 1, 'terug_van_werkom', 1
        UNION ALL SELECT 'participatie', 2, 3, 5, 'werkom_uitstroom_werk', 1, 'werkom_uitstroom_werk', 1
        UNION ALL SELECT 'participatie', 2, 3, 6, 'naleving_meldingen_wijkteam', 1, 'naleving_meldingen_wijkteam', 1
        UNION ALL SELECT 'participatie', 2, 3, 7, 'aanmeldingen_meedoen_werkt', 1, NULL, NULL
        UNION ALL SELECT 'participatie', 2, 4, 1, 'profielen_toegekend', 1, NULL, NULL
        UNION ALL SELECT 'participatie', 2, 5, 1, 'inzet_participatie_fte', 1, 'inzet_participatie_fte', 1
        UNION ALL SELECT 'participatie', 2, 5, 2, 'casuistiekbesprekingen_keten', 1, 'casuistiekbesprekingen_keten', 1
        UNION ALL SELECT 'participatie', 2, 5, 3, 'knelpunten_participatieketen', 1, NULL, NULL
        UNION ALL SELECT 'wmo_ib', 1, 1, 1, 'ib_eigen_gestart', 1, NULL, NULL
        UNION ALL SELECT 'wmo_ib', 1, 1, 2, 'ib_indicaties_afgegeven', 1, NULL, NULL
        UNION ALL SELECT 'wmo_ib', 1, 1, 3, 'ib_eigen_per_indicatie_pct', 1, NULL, NULL
        UNION ALL SELECT 'wmo_ib', 1, 1, 4, 'ib_eigen_betekenis', 1, NULL, NULL) m
  JOIN format f ON f.code = m.fmt
  JOIN formatversie v ON v.format_id = f.id AND v.nummer = m.nummer
  JOIN formatversie_sectie s ON s.formatversie_id = v.id AND s.volgorde = m.sectie
  JOIN indicator i ON i.code = m.ind AND i.nummer = m.inr
  LEFT JOIN indicator vi ON vi.code = m.vorige AND vi.nummer = m.vnr;

-- The eisen each participatie version asks the teams to answer: the
-- fifteen of the PvE and UO valid on the version's first day (P-7 and P-9
-- came with 2024, when P-10 and P-11 ended).
INSERT IGNORE INTO formatversie_item (formatversie_id, sectie_id, volgorde, soort, eis_id)
SELECT v.id, s.id,
       ROW_NUMBER() OVER (PARTITION BY v.id ORDER BY e.opdracht_id, LENGTH(e.code), e.code),
       'eis', e.id
  FROM format f
  JOIN formatversie v ON v.format_id = f.id
  JOIN formatversie_sectie s ON s.formatversie_id = v.id AND s.volgorde = IF(v.nummer = 1, 5, 6)
  JOIN opdracht o ON o.code IN ('BREED', 'AANV-PART')
  JOIN eis e ON e.opdracht_id = o.id AND e.geldig_van <= v.eerste_dag
   AND (e.geldig_tot IS NULL OR e.geldig_tot >= v.eerste_dag)
 WHERE f.code = 'participatie'
   -- Once only: eisen added later (by a beheerder, or by a test) are not
   -- the demo's, and a second seed must not pull them into the version.
   AND NOT EXISTS (SELECT 1 FROM formatversie_item x
                    WHERE x.formatversie_id = v.id AND x.soort = 'eis');

INSERT IGNORE INTO formatversie_item (formatversie_id, sectie_id, volgorde, soort, vraag)
SELECT v.id, s.id, m.volgorde, 'vraag', m.vraag
  FROM (SELECT 'participatie' fmt, 1 nummer, 6 sectie, 1 volgorde,
               'Welke ontwikkelingen in de wijken vragen aandacht van de gemeente?' vraag
        UNION ALL SELECT 'participatie', 1, 6, 2,
               'Welke knelpunten in de samenwerking met Werkom, Uitkeringen en Naleving ziet u?'
        UNION ALL SELECT 'participatie', 2, 7, 1,
               'Welke ontwikkelingen in de wijken vragen aandacht van de gemeente?'
        UNION ALL SELECT 'wmo_ib', 1, 2, 1,
               'Hoe verloopt de samenwerking met de Wmo-aanbieders bij de overgang naar de tweede lijn?') m
  JOIN format f ON f.code = m.fmt
  JOIN formatversie v ON v.format_id = f.id AND v.nummer = m.nummer
  JOIN formatversie_sectie s ON s.formatversie_id = v.id AND s.volgorde = m.sectie;

-- A published version's indicators are in use: their meaning no longer
-- changes in place (as store_indicator_gebruikt marks them: the row's
-- versie stays).
UPDATE indicator i SET i.in_gebruik = 1
 WHERE i.in_gebruik = 0 AND i.id IN (SELECT it.indicator_id FROM formatversie_item it
   JOIN formatversie v ON v.id = it.formatversie_id AND v.status = 'gepubliceerd');

-- ------------------------------------------------------------ consultation of version 2

INSERT IGNORE INTO formatversie_consultatie (formatversie_id, organisatie_id)
SELECT v.id, o.id FROM format f
  JOIN formatversie v ON v.format_id = f.id AND v.nummer = 2
  JOIN organisatie o ON o.code IN ('DOCK', 'INCLUZIO', 'SMD')
 WHERE f.code = 'participatie';

INSERT INTO formatversie_reactie (formatversie_id, item_id, onderwerp, organisatie_id,
    gebruiker_id, oordeel, opmerking, aangemaakt, antwoord, beantwoord_door, beantwoord_op)
SELECT v.id, it.id, CONCAT('indicator ', m.ind), o.id, g.id, m.oordeel, m.opm, m.op,
       m.antw, r.id, m.antw_op
  FROM (SELECT 'profielen_toegekend' ind, 'DOCK' org, 'teamleider.dock' wie, 'onduidelijk' oordeel,
               'Welke vier profielen bedoelt de gemeente, en vanaf welke datum tellen ze mee?' opm,
               TIMESTAMP('2024-01-15 10:12:00') op,
               'De vier profielen staan in de uitvoeringsovereenkomst 2024; ze tellen vanaf de datum waarop het profiel is toegekend. De definitie van de indicator zegt het nu ook.' antw,
               TIMESTAMP('2024-01-22 16:40:00') antw_op
        UNION ALL SELECT 'casuistiekbesprekingen_keten', 'INCLUZIO', 'teamleider.incluzio', 'niet_nodig',
               'Dit houden wij alleen in Excel bij en het kost veel tijd; in het resultaatgesprek is er nooit naar gevraagd.',
               TIMESTAMP('2024-01-17 09:05:00'),
               'Begrepen. Voor 2024 blijft de indicator staan omdat het ketenoverleg erom vroeg; bij de volgende versie kijken we of hij nog nodig is.',
               TIMESTAMP('2024-01-22 16:45:00')
        UNION ALL SELECT 'aanmeldingen_meedoen_werkt', 'INCLUZIO', 'teamleider.incluzio', 'nodig',
               'Goed dat dit erbij komt: Naleving en wij tellen nu elk op een eigen manier.',
               TIMESTAMP('2024-01-17 09:09:00'), NULL, NULL
        UNION ALL SELECT 'overdracht_dagen_tot_acceptatie', 'DOCK', 'teamleider.dock', 'onduidelijk',
               'Telt een overdracht die Werkom eerst terugstuurt en later alsnog accepteert vanaf de eerste overdracht?',
               TIMESTAMP('2024-01-16 13:30:00'),
               'Ja: vanaf de overdracht tot de eerstvolgende acceptatie van dezelfde inwoner.',
               TIMESTAMP('2024-01-22 16:50:00')) m
  JOIN format f ON f.code = 'participatie'
  JOIN formatversie v ON v.format_id = f.id AND v.nummer = 2
  JOIN indicator i ON i.code = m.ind
  JOIN formatversie_item it ON it.formatversie_id = v.id AND it.indicator_id = i.id
  JOIN organisatie o ON o.code = m.org
  JOIN gebruiker g ON g.gebruikersnaam = m.wie
  LEFT JOIN gebruiker r ON r.gebruikersnaam = IF(m.antw IS NULL, NULL, 'regisseur.participatie')
 WHERE NOT EXISTS (SELECT 1 FROM formatversie_reactie x
                    WHERE x.formatversie_id = v.id AND x.item_id = it.id AND x.organisatie_id = o.id);

-- ------------------------------------------------------------ streefwaarden

-- Targets for some indicators of the 2024 format, and deliberately none
-- for the others — the letter: "Aan sommige indicatoren zijn geen
-- doelstellingen of streefwaarden verbonden"; and for the individuele
-- begeleiding: "De gemeente heeft in de uitvoeringsovereenkomst geen
-- nadere verplichtingen of beoogde resultaten voor IB opgenomen", so the
-- Wmo format has none at all. The values are illustrative.
INSERT IGNORE INTO streefwaarde (indicator_id, periode, organisatie_id, wijk_id, richting,
    waarde, ondergrens, bovengrens, tolerantie, tolerantie_soort, reden, gewijzigd_door, gewijzigd_op)
SELECT i.id, m.periode, o.id, NULL, m.richting, m.waarde, m.onder, m.boven, m.tol, m.tolsoort,
       m.reden, g.id, m.op
  FROM (SELECT 'startgesprekken_met_inkomensconsulent_pct' ind, 1 inr, '2024-H1' periode, NULL org,
               'hoger_beter' richting, 90 waarde, NULL onder, NULL boven, 5 tol, 'absoluut' tolsoort,
               'De uitvoeringsovereenkomst: het startgesprek wordt samen met de inkomensconsulent gevoerd; 90 % is haalbaar als beide partijen het gesprek samen plannen.' reden,
               TIMESTAMP('2024-02-12 14:35:00') op
        UNION ALL SELECT 'startgesprekken_met_inkomensconsulent_pct', 1, '2024-H2', NULL,
               'hoger_beter', 90, NULL, NULL, 5, 'absoluut',
               'Als in het eerste halfjaar.', TIMESTAMP('2024-02-12 14:36:00')
        UNION ALL SELECT 'inwoners_op_wachtlijst', 1, '2024-H2', NULL,
               'lager_beter', 40, NULL, NULL, 10, 'procent',
               'Eerst 30; verhoogd naar 40 nu het Zittend Bestand op dezelfde wachtlijst staat.',
               TIMESTAMP('2024-07-03 11:20:00')
        UNION ALL SELECT 'inwoners_op_wachtlijst', 1, '2024-H2', 'DOCK',
               'lager_beter', 15, NULL, NULL, 2, 'absoluut',
               'DOCK heeft de meeste aanmeldingen; afgesproken in het resultaatgesprek van juni 2024.',
               TIMESTAMP('2024-07-03 11:25:00')
        UNION ALL SELECT 'wachtlijst_dagen_mediaan', 1, '2024', NULL,
               'lager_beter', 42, NULL, NULL, NULL, 'absoluut',
               'Niemand wacht langer dan zes weken op begeleiding.', TIMESTAMP('2024-02-12 14:40:00')
        UNION ALL SELECT 'overdrachten_werkom', 1, '2024', NULL,
               'hoger_beter', 120, NULL, NULL, 10, 'procent',
               'Het jaardoel van de participatieketen voor 2024; per halfjaar de helft.', TIMESTAMP('2024-02-12 14:42:00')
        UNION ALL SELECT 'inzet_participatie_fte', 1, '2024', 'DOCK',
               'bandbreedte', NULL, 4.0, 6.0, NULL, 'absoluut',
               'De formatie die bij het budget van de aanvullende opdracht hoort.', TIMESTAMP('2024-02-12 14:45:00')) m
  JOIN indicator i ON i.code = m.ind AND i.nummer = m.inr
  LEFT JOIN organisatie o ON o.code = m.org
  JOIN gebruiker g ON g.gebruikersnaam = 'regisseur.participatie';

-- The wachtlijst target of 2024-H2 was changed once: versie 2 of the row,
-- with two states in its history (the first 30, then 40).
UPDATE streefwaarde s JOIN indicator i ON i.id = s.indicator_id
   SET s.versie = 2
 WHERE i.code = 'inwoners_op_wachtlijst' AND s.periode = '2024-H2' AND s.organisatie_id IS NULL
   AND s.wijk_id IS NULL AND s.versie = 1
   AND NOT EXISTS (SELECT 1 FROM streefwaarde_historie h WHERE h.streefwaarde_id = s.id);

INSERT IGNORE INTO streefwaarde_historie (streefwaarde_id, versie, richting, waarde, ondergrens,
    bovengrens, tolerantie, tolerantie_soort, reden, gewijzigd_door, gewijzigd_op)
SELECT s.id, 1, s.richting, 30, NULL, NULL, s.tolerantie, s.tolerantie_soort,
       'Het aantal van eind 2023, zonder het Zittend Bestand.', s.gewijzigd_door, TIMESTAMP('2024-02-12 14:38:00')
  FROM streefwaarde s JOIN indicator i ON i.id = s.indicator_id
 WHERE i.code = 'inwoners_op_wachtlijst' AND s.periode = '2024-H2' AND s.organisatie_id IS NULL
   AND s.wijk_id IS NULL AND s.versie = 2;

-- Every current state is in the history too.
INSERT IGNORE INTO streefwaarde_historie (streefwaarde_id, versie, richting, waarde, ondergrens,
    bovengrens, tolerantie, tolerantie_soort, reden, gewijzigd_door, gewijzigd_op)
SELECT s.id, s.versie, s.richting, s.waarde, s.ondergrens, s.bovengrens, s.tolerantie,
       s.tolerantie_soort, s.reden, s.gewijzigd_door, s.gewijzigd_op
  FROM streefwaarde s;
