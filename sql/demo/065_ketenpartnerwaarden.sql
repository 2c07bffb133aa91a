-- Demo data: values the ketenpartners delivered (issue 12, table
-- ketenpartner_waarde), for the ketenpartner indicators of the
-- participatie format (sql/demo/050_indicatoren.sql, 060_formats.sql).
-- Idempotent: the cell (indicator, periode, organisatie, wijk) is the
-- natural key. The numbers are illustrative.
--
-- What is there and what is not, on purpose:
--  - Werkom (uitstroom naar werk): 2024-H1 complete for DOCK and Incluzio
--    (every wijk and the total), SMD missing; 2024-H2 only DOCK's wijken,
--    its total still missing — so a rapportage shows "ontbreekt — aan te
--    leveren door Werkom".
--  - Uitkeringen (bijstandsaanvragen): 2024-H1 and 2024-H2 the totals of
--    all three organisaties; SMD 2024-H2 niet te leveren, with a reason.
--  - Naleving (meldingen van het wijkteam): 2024-H1 DOCK's total only;
--    2024-H2 nothing yet.

-- The wijken of an organisatie in a periode, as the screen lists them.
INSERT IGNORE INTO ketenpartner_waarde (indicator_id, periode, organisatie_id,
    wijk_id, waarde, gewijzigd_door, gewijzigd_op)
SELECT i.id, m.periode, o.id, ww.wijk_id, 2 + (ww.wijk_id * 7 + m.d) MOD 9,
       g.id, m.op
  FROM (SELECT 'DOCK' org, '2024-H1' periode, DATE('2024-01-01') van, DATE('2024-06-30') tot,
               0 d, TIMESTAMP('2024-07-18 10:15:00') op
        UNION ALL SELECT 'INCLUZIO', '2024-H1', '2024-01-01', '2024-06-30', 3, TIMESTAMP('2024-07-18 10:40:00')
        UNION ALL SELECT 'DOCK', '2024-H2', '2024-07-01', '2024-12-31', 5, TIMESTAMP('2025-01-20 09:05:00')) m
  JOIN organisatie o ON o.code = m.org
  JOIN indicator i ON i.code = 'werkom_uitstroom_werk' AND i.actief = 1
  JOIN gebruiker g ON g.gebruikersnaam = 'ketenpartner.werkom'
  JOIN (SELECT DISTINCT wo.organisatie_id, ww.wijk_id, wo.geldig_van wo_van, wo.geldig_tot wo_tot,
               ww.geldig_van ww_van, ww.geldig_tot ww_tot
          FROM wijkteam_organisatie wo JOIN wijkteam_wijk ww ON ww.wijkteam_id = wo.wijkteam_id) ww
    ON ww.organisatie_id = o.id AND ww.wo_van <= m.tot AND (ww.wo_tot IS NULL OR ww.wo_tot >= m.van)
   AND ww.ww_van <= m.tot AND (ww.ww_tot IS NULL OR ww.ww_tot >= m.van);

-- Werkom's totals of 2024-H1: the sum of the wijken.
INSERT IGNORE INTO ketenpartner_waarde (indicator_id, periode, organisatie_id,
    wijk_id, waarde, gewijzigd_door, gewijzigd_op)
SELECT k.indicator_id, k.periode, k.organisatie_id, 0, SUM(k.waarde),
       MIN(k.gewijzigd_door), MAX(k.gewijzigd_op)
  FROM ketenpartner_waarde k
  JOIN indicator i ON i.id = k.indicator_id AND i.code = 'werkom_uitstroom_werk'
 WHERE k.periode = '2024-H1' AND k.wijk_id > 0
 GROUP BY k.indicator_id, k.periode, k.organisatie_id;

INSERT IGNORE INTO ketenpartner_waarde (indicator_id, periode, organisatie_id,
    wijk_id, waarde, niet_te_leveren, reden, gewijzigd_door, gewijzigd_op)
SELECT i.id, m.periode, o.id, 0, m.waarde, m.ntl, m.reden, g.id, m.op
  FROM (SELECT 'bijstandsaanvragen' ind, 'ketenpartner.uitkeringen' wie, 'DOCK' org, '2024-H1' periode,
               412 waarde, 0 ntl, CAST(NULL AS CHAR) reden, TIMESTAMP('2024-07-10 14:00:00') op
        UNION ALL SELECT 'bijstandsaanvragen', 'ketenpartner.uitkeringen', 'INCLUZIO', '2024-H1', 356, 0, NULL, TIMESTAMP('2024-07-10 14:02:00')
        UNION ALL SELECT 'bijstandsaanvragen', 'ketenpartner.uitkeringen', 'SMD', '2024-H1', 198, 0, NULL, TIMESTAMP('2024-07-10 14:03:00')
        UNION ALL SELECT 'bijstandsaanvragen', 'ketenpartner.uitkeringen', 'DOCK', '2024-H2', 437, 0, NULL, TIMESTAMP('2025-01-14 11:20:00')
        UNION ALL SELECT 'bijstandsaanvragen', 'ketenpartner.uitkeringen', 'INCLUZIO', '2024-H2', 341, 0, NULL, TIMESTAMP('2025-01-14 11:22:00')
        UNION ALL SELECT 'bijstandsaanvragen', 'ketenpartner.uitkeringen', 'SMD', '2024-H2', NULL, 1,
               'Door de overgang naar het nieuwe uitkeringssysteem in november zijn de aanvragen van SMD-wijken over het tweede halfjaar niet betrouwbaar per organisatie te tellen.',
               TIMESTAMP('2025-01-14 11:30:00')
        UNION ALL SELECT 'naleving_meldingen_wijkteam', 'ketenpartner.naleving', 'DOCK', '2024-H1', 9, 0, NULL, TIMESTAMP('2024-08-02 16:45:00')) m
  JOIN organisatie o ON o.code = m.org
  JOIN indicator i ON i.code = m.ind AND i.actief = 1
  JOIN gebruiker g ON g.gebruikersnaam = m.wie;
