-- 010_brede_opdracht.sql — the brede opdracht belongs to no single keten.
--
-- The audit letter (Bijlage 2, "Opdrachten van de wijkteams met betrekking
-- tot participatie"): the brede opdracht covers every theme of the
-- wijkteams — for participatie the startgesprekken, the begeleiding of new
-- bijstand recipients, the plan van aanpak and the overdracht to Werkom —
-- within one total budget; an aanvullende opdracht (participatie since
-- 2019, the pilot individuele begeleiding) is given for one keten with a
-- budget of its own. So an opdracht of soort 'breed' has no keten and an
-- 'aanvullend' one has exactly one; the CHECK holds that for every write,
-- whichever face it comes through (ops/structuur.c says it in Dutch
-- first). Budgets are never summed by keten: the brede opdracht's budget
-- is no keten's.

ALTER TABLE opdracht MODIFY keten_id BIGINT UNSIGNED NULL;

UPDATE opdracht SET keten_id = NULL, versie = versie + 1
 WHERE soort = 'breed' AND keten_id IS NOT NULL;

ALTER TABLE opdracht ADD CONSTRAINT opdracht_keten_soort
  CHECK ((soort = 'breed') = (keten_id IS NULL));
