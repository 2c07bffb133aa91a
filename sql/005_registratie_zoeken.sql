-- 005_registratie_zoeken.sql — indexes the registration's searches need.
-- A search by BSN comes from any party in scope (a ketenpartner too), not
-- only the registering organisatie, so the keyed hash needs its own index;
-- the wachtlijst counts per wijkteam read the refusal date from the index.

ALTER TABLE inwoner ADD KEY inwoner_bsn_hash (bsn_hash);
ALTER TABLE ketenstatus
  DROP KEY ketenstatus_wachtlijst,
  ADD KEY ketenstatus_wachtlijst (wachtlijst_wijkteam_id, wachtlijst_sinds, afgewezen_op);
