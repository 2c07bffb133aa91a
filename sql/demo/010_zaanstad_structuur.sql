-- Demo data: the structure of gemeente Zaanstad's Sociale Wijkteams.
-- Loaded only by `wijkzicht seed-demo`. Idempotent: natural keys (code)
-- decide whether a row is there already.
-- The three wijkteamorganisaties and the eleven wijkteams are those of the
-- Rekenkamer letter (2025); which organisatie runs which wijkteam and the
-- exact wijk boundaries are illustrative, not the gemeente's real contract.

INSERT IGNORE INTO organisatie (code, naam, soort, geldig_van) VALUES
  ('DOCK',      'DOCK Zaanstad',          'wijkteamorganisatie', '2019-01-01'),
  ('INCLUZIO',  'Incluzio Zaanstad',      'wijkteamorganisatie', '2019-01-01'),
  ('SMD',       'SMD Zaanstad',           'wijkteamorganisatie', '2019-01-01'),
  ('WERKOM',    'Werkom',                 'ketenpartner',        '2019-01-01'),
  ('WMO-A',     'Wmo-aanbieder Zorg aan de Zaan (demo)', 'ketenpartner', '2019-01-01'),
  ('WMO-B',     'Wmo-aanbieder Thuis in de Wijk (demo)', 'ketenpartner', '2019-01-01'),
  ('UITKERING', 'Afdeling Uitkeringen',   'afdeling',            '2019-01-01'),
  ('NALEVING',  'Afdeling Naleving',      'afdeling',            '2019-01-01'),
  ('CONTRACT',  'Afdeling Contractmanagement', 'afdeling',       '2019-01-01');

INSERT IGNORE INTO wijk (code, naam, geldig_van) VALUES
  ('ASD',  'Assendelft',          '2019-01-01'),
  ('KRM',  'Krommenie',           '2019-01-01'),
  ('WRV',  'Wormerveer',          '2019-01-01'),
  ('WZN',  'Westzaan',            '2019-01-01'),
  ('ZDK',  'Zaandijk',            '2019-01-01'),
  ('KAZ',  'Koog aan de Zaan',    '2019-01-01'),
  ('ZDN',  'Zaandam-Noord',       '2019-01-01'),
  ('KGV',  'Kogerveld',           '2019-01-01'),
  ('RSM',  'Rosmolenwijk',        '2019-01-01'),
  ('ZDO',  'Zaandam-Oost',        '2019-01-01'),
  ('PLB',  'Poelenburg',          '2019-01-01'),
  ('PLD',  'Peldersveld',         '2019-01-01'),
  ('ZDW',  'Zaandam-West',        '2019-01-01'),
  ('ZDZ',  'Zaandam-Zuid',        '2019-01-01'),
  ('ZDC',  'Zaandam-Centrum',     '2019-01-01'),
  ('NRN',  'Nauerna',             '2019-01-01');

INSERT IGNORE INTO wijkteam (code, naam, geldig_van) VALUES
  ('WT-ASD', 'Sociaal Wijkteam Assendelft',            '2019-01-01'),
  ('WT-KRM', 'Sociaal Wijkteam Krommenie',             '2019-01-01'),
  ('WT-WRV', 'Sociaal Wijkteam Wormerveer',            '2019-01-01'),
  ('WT-ZDK', 'Sociaal Wijkteam Zaandijk en Westzaan',  '2019-01-01'),
  ('WT-KAZ', 'Sociaal Wijkteam Koog aan de Zaan',      '2019-01-01'),
  ('WT-ZDN', 'Sociaal Wijkteam Zaandam-Noord',         '2019-01-01'),
  ('WT-ZDO', 'Sociaal Wijkteam Zaandam-Oost',          '2019-01-01'),
  ('WT-PLB', 'Sociaal Wijkteam Poelenburg/Peldersveld','2019-01-01'),
  ('WT-ZDW', 'Sociaal Wijkteam Zaandam-West',          '2019-01-01'),
  ('WT-ZDZ', 'Sociaal Wijkteam Zaandam-Zuid',          '2019-01-01'),
  ('WT-ZDC', 'Sociaal Wijkteam Zaandam-Centrum',       '2019-01-01');

INSERT IGNORE INTO wijkteam_organisatie (wijkteam_id, organisatie_id, geldig_van)
SELECT w.id, o.id, '2019-01-01'
  FROM (SELECT 'WT-ASD' wt, 'INCLUZIO' org UNION ALL SELECT 'WT-KRM', 'INCLUZIO'
        UNION ALL SELECT 'WT-WRV', 'INCLUZIO' UNION ALL SELECT 'WT-ZDK', 'INCLUZIO'
        UNION ALL SELECT 'WT-KAZ', 'SMD'      UNION ALL SELECT 'WT-ZDN', 'SMD'
        UNION ALL SELECT 'WT-ZDO', 'DOCK'     UNION ALL SELECT 'WT-PLB', 'DOCK'
        UNION ALL SELECT 'WT-ZDW', 'SMD'      UNION ALL SELECT 'WT-ZDZ', 'DOCK'
        UNION ALL SELECT 'WT-ZDC', 'DOCK') m
  JOIN wijkteam w ON w.code = m.wt
  JOIN organisatie o ON o.code = m.org;

INSERT IGNORE INTO wijkteam_wijk (wijkteam_id, wijk_id, geldig_van)
SELECT t.id, w.id, '2019-01-01'
  FROM (SELECT 'WT-ASD' wt, 'ASD' wijk UNION ALL SELECT 'WT-ASD', 'NRN'
        UNION ALL SELECT 'WT-KRM', 'KRM' UNION ALL SELECT 'WT-WRV', 'WRV'
        UNION ALL SELECT 'WT-ZDK', 'ZDK' UNION ALL SELECT 'WT-ZDK', 'WZN'
        UNION ALL SELECT 'WT-KAZ', 'KAZ' UNION ALL SELECT 'WT-ZDN', 'ZDN'
        UNION ALL SELECT 'WT-ZDN', 'KGV' UNION ALL SELECT 'WT-ZDN', 'RSM'
        UNION ALL SELECT 'WT-ZDO', 'ZDO' UNION ALL SELECT 'WT-PLB', 'PLB'
        UNION ALL SELECT 'WT-PLB', 'PLD' UNION ALL SELECT 'WT-ZDW', 'ZDW'
        UNION ALL SELECT 'WT-ZDZ', 'ZDZ' UNION ALL SELECT 'WT-ZDC', 'ZDC') m
  JOIN wijkteam t ON t.code = m.wt
  JOIN wijk w ON w.code = m.wijk;

INSERT IGNORE INTO keten (code, naam, opgave, geldig_van) VALUES
  ('WMO',   'Wmo, Mantelzorg en Gezondheid', 'Gezondheid',        '2019-01-01'),
  ('PART',  'Participatie en Armoede',       'Kansengelijkheid',  '2019-01-01'),
  ('ZORGV', 'Zorg en Veiligheid',            'Gezondheid',        '2019-01-01'),
  ('OPV',   'Opvoeden en Opgroeien',         'Kansengelijkheid',  '2019-01-01');

INSERT IGNORE INTO thema (code, naam, keten_id, geldig_van)
SELECT m.code, m.naam, k.id, '2019-01-01'
  FROM (SELECT 'MO' code, 'Maatschappelijke ondersteuning' naam, 'WMO' keten
        UNION ALL SELECT 'OPB',  'Opbouwwerk',                                 'WMO'
        UNION ALL SELECT 'MZ',   'Mantelzorg',                                 'WMO'
        UNION ALL SELECT 'GZ',   'Gezondheid',                                 'WMO'
        UNION ALL SELECT 'PART', 'Participatie',                               'PART'
        UNION ALL SELECT 'SCH',  'Schuldenproblematiek en inkomensvraagstukken','PART'
        UNION ALL SELECT 'JONG', 'Jongeren',                                   'OPV'
        UNION ALL SELECT 'HG',   'Huiselijk geweld',                           'ZORGV') m
  JOIN keten k ON k.code = m.keten;
