-- 006_toegang_intrekken.sql — a ketenpartner sees an inwoner only while an
-- event of its keten stands: when a correctie voids the last such event
-- (an overdracht to Werkom registered by mistake), the application takes
-- that organisatie's access away again, in the same transaction.

GRANT DELETE ON inwoner_toegang TO wijkzicht_app_rol;
