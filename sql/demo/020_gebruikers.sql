-- Demo data: one user per role, as issue 3 lists them. Loaded only by
-- `wijkzicht seed-demo`, which then gives these accounts (and only these)
-- the password in WIJKZICHT_DEMO_PASSWORD. Idempotent.

INSERT IGNORE INTO gebruiker (gebruikersnaam, naam) VALUES
  ('beheerder',               'Bea Beheer'),
  ('contractmanager',         'Cor Contract'),
  ('auditor',                 'Ada Audit'),
  ('regisseur.participatie',  'Rik Regie (participatie)'),
  ('regisseur.wmo',           'Wil Regie (Wmo)'),
  ('medewerker.dock',         'Mo Medewerker (DOCK)'),
  ('medewerker.incluzio',     'Ina Medewerker (Incluzio)'),
  ('medewerker.smd',          'Sam Medewerker (SMD)'),
  ('teamleider.dock',         'Tess Teamleider (DOCK)'),
  ('teamleider.incluzio',     'Ivo Teamleider (Incluzio)'),
  ('teamleider.smd',          'Saar Teamleider (SMD)'),
  ('ketenpartner.werkom',     'Wim Werkom'),
  ('ketenpartner.uitkeringen','Uma Uitkeringen'),
  ('ketenpartner.naleving',   'Noor Naleving');

INSERT IGNORE INTO toekenning (gebruiker_id, rol, scope_soort, scope_id)
SELECT g.id, m.rol, 'gemeente', 0
  FROM (SELECT 'beheerder' naam, 'beheerder' rol
        UNION ALL SELECT 'contractmanager', 'contractmanager'
        UNION ALL SELECT 'auditor', 'auditor') m
  JOIN gebruiker g ON g.gebruikersnaam = m.naam;

INSERT IGNORE INTO toekenning (gebruiker_id, rol, scope_soort, scope_id)
SELECT g.id, m.rol, 'organisatie', o.id
  FROM (SELECT 'medewerker.dock' naam, 'medewerker' rol, 'DOCK' org
        UNION ALL SELECT 'medewerker.incluzio', 'medewerker', 'INCLUZIO'
        UNION ALL SELECT 'medewerker.smd', 'medewerker', 'SMD'
        UNION ALL SELECT 'teamleider.dock', 'teamleider', 'DOCK'
        UNION ALL SELECT 'teamleider.incluzio', 'teamleider', 'INCLUZIO'
        UNION ALL SELECT 'teamleider.smd', 'teamleider', 'SMD'
        UNION ALL SELECT 'ketenpartner.werkom', 'ketenpartner', 'WERKOM'
        UNION ALL SELECT 'ketenpartner.uitkeringen', 'ketenpartner', 'UITKERING'
        UNION ALL SELECT 'ketenpartner.naleving', 'ketenpartner', 'NALEVING') m
  JOIN gebruiker g ON g.gebruikersnaam = m.naam
  JOIN organisatie o ON o.code = m.org;

INSERT IGNORE INTO toekenning (gebruiker_id, rol, scope_soort, scope_id)
SELECT g.id, 'regisseur', 'keten', k.id
  FROM (SELECT 'regisseur.participatie' naam, 'PART' keten
        UNION ALL SELECT 'regisseur.wmo', 'WMO') m
  JOIN gebruiker g ON g.gebruikersnaam = m.naam
  JOIN keten k ON k.code = m.keten;
