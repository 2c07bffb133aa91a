-- Demo data: which party of the keten each demo ketenpartner and afdeling
-- is (organisatie.keten_partij, migration 004). Idempotent.

UPDATE organisatie SET keten_partij = 'werkom'      WHERE code = 'WERKOM';
UPDATE organisatie SET keten_partij = 'uitkeringen' WHERE code = 'UITKERING';
UPDATE organisatie SET keten_partij = 'naleving'    WHERE code = 'NALEVING';
