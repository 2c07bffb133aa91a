-- Demo data: the brede opdracht and the aanvullende opdracht participatie,
-- with budgets of the orders of magnitude in DESIGN.md (about 14 M euro
-- lumpsum in 2024 for the three organisaties; the aanvullende opdracht
-- participatie 20% lower in 2025 and 2026), and a few eisen. The split
-- over the organisaties is illustrative. Idempotent.
--
-- As the audit letter has it (Bijlage 2, "Opdrachten van de wijkteams met
-- betrekking tot participatie"): the brede opdracht spans every keten, so
-- it has none (migration 010); it holds the startgesprekken, the
-- begeleiding of "nieuw ingestroomde bijstandsgerechtigden", the plan van
-- aanpak and the overdracht to Werkom. The aanvullende opdracht
-- participatie is "gericht op het contact houden met en begeleiden van
-- mensen die (al langere tijd) een uitkering ontvangen".

INSERT IGNORE INTO opdracht (code, naam, soort, keten_id, financiering, geldig_van)
SELECT m.code, m.naam, m.soort, k.id, m.fin, m.van
  FROM (SELECT 'BREED' code, 'Brede opdracht Sociale Wijkteams' naam, 'breed' soort,
               NULL keten, 'lumpsum' fin, '2019-01-01' van
        UNION ALL SELECT 'AANV-PART', 'Aanvullende opdracht participatie',
               'aanvullend', 'PART', 'incidenteel', '2019-01-01'
        UNION ALL SELECT 'PILOT-IB', 'Pilot individuele begeleiding',
               'aanvullend', 'WMO', 'incidenteel', '2020-01-01') m
  LEFT JOIN keten k ON k.code = m.keten;

UPDATE opdracht SET geldig_tot = '2023-12-31' WHERE code = 'PILOT-IB' AND geldig_tot IS NULL;

INSERT IGNORE INTO opdracht_budget (opdracht_id, organisatie_id, jaar, bedrag)
SELECT op.id, o.id, m.jaar, m.bedrag
  FROM (SELECT 'BREED' op, 'DOCK' org, 2024 jaar, 5200000.00 bedrag
        UNION ALL SELECT 'BREED', 'INCLUZIO', 2024, 4900000.00
        UNION ALL SELECT 'BREED', 'SMD',      2024, 3900000.00
        UNION ALL SELECT 'BREED', 'DOCK',     2025, 5350000.00
        UNION ALL SELECT 'BREED', 'INCLUZIO', 2025, 5050000.00
        UNION ALL SELECT 'BREED', 'SMD',      2025, 4000000.00
        UNION ALL SELECT 'AANV-PART', 'DOCK',     2024, 1500000.00
        UNION ALL SELECT 'AANV-PART', 'INCLUZIO', 2024, 1250000.00
        UNION ALL SELECT 'AANV-PART', 'SMD',      2024, 1000000.00
        UNION ALL SELECT 'AANV-PART', 'DOCK',     2025, 1200000.00
        UNION ALL SELECT 'AANV-PART', 'INCLUZIO', 2025, 1000000.00
        UNION ALL SELECT 'AANV-PART', 'SMD',      2025,  800000.00
        UNION ALL SELECT 'AANV-PART', 'DOCK',     2026, 1200000.00
        UNION ALL SELECT 'AANV-PART', 'INCLUZIO', 2026, 1000000.00
        UNION ALL SELECT 'AANV-PART', 'SMD',      2026,  800000.00) m
  JOIN opdracht op ON op.code = m.op
  JOIN organisatie o ON o.code = m.org;

-- The eisen on the startgesprek (P-1) and the overdracht to Werkom (P-3)
-- belong to the brede opdracht, as the letter says ("De startgesprekken
-- zijn onderdeel van de brede opdracht"; "de overdracht van
-- bijstandsgerechtigden naar Werkom" is named among its tasks). An older
-- demo database had them on AANV-PART: moved first (IGNORE: never a
-- second P-1 on BREED), then inserted where missing. The wachtlijst (P-2)
-- stays with the aanvullende opdracht, where the letter places the
-- wachtlijsten ("werkdruk en wachtlijsten bij de aanvullende opdracht";
-- footnote pp, the "wachtlijst Zittend Bestand").
UPDATE IGNORE eis e
  JOIN opdracht a ON a.id = e.opdracht_id AND a.code = 'AANV-PART'
  JOIN opdracht b ON b.code = 'BREED'
   SET e.opdracht_id = b.id, e.versie = e.versie + 1
 WHERE e.code IN ('P-1', 'P-3');

INSERT IGNORE INTO eis (opdracht_id, code, omschrijving, bron, geldig_van)
SELECT op.id, m.code, m.oms, m.bron, '2024-01-01'
  FROM (SELECT 'BREED' op, 'P-1' code, 'Met elke inwoner die een bijstandsuitkering aanvraagt wordt samen met de inkomensconsulent een startgesprek gevoerd.' oms, 'uvo' bron
        UNION ALL SELECT 'AANV-PART', 'P-2', 'Inwoners die na het startgesprek niet direct begeleid kunnen worden, staan op een wachtlijst die het wijkteam bijhoudt.', 'uvo'
        UNION ALL SELECT 'BREED', 'P-3', 'Een inwoner die naar Werkom gaat, wordt warm overgedragen.', 'uvo'
        UNION ALL SELECT 'BREED', 'B-1', 'Het wijkteam is laagdrempelig bereikbaar voor alle inwoners van de wijk.', 'pve'
        UNION ALL SELECT 'BREED', 'B-2', 'Het wijkteam rapporteert halfjaarlijks over de afgesproken indicatoren.', 'pve') m
  JOIN opdracht op ON op.code = m.op;
