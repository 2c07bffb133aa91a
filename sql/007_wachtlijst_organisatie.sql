-- 007_wachtlijst_organisatie.sql — the wachtlijst page reads one
-- organisation's waiting inwoners, longest waiting first, a page at a
-- time, and counts them per wijkteam. Measured with 1,000,000 inwoners of
-- whom 50,000 wait (18,000 at DOCK): filtering on the wijkteams of the
-- organisation and sorting took 0.64 s; counting per wijkteam through the
-- wijkteam index 15 ms. With the organisation in the projection:
--   ketenstatus_wachtlijst_org      (organisatie, sinds, inwoner): the
--                                   page is an ordered range that stops
--                                   after one page (2 ms);
--   ketenstatus_wachtlijst_telling  (organisatie, wijkteam, sinds,
--                                   afgewezen_op): one wijkteam's page in
--                                   order, and the counts per wijkteam in
--                                   one covering pass (6 ms).
-- The wijkteam index of 005 serves neither any more.
--
-- wachtlijst_organisatie_id is the organisatie of the traject on the
-- wachtlijst's wijkteam (whose list it is), set with the rest of the
-- projection from the events.

ALTER TABLE ketenstatus
  ADD COLUMN wachtlijst_organisatie_id BIGINT UNSIGNED NULL AFTER wachtlijst_wijkteam_id,
  DROP KEY ketenstatus_wachtlijst,
  ADD KEY ketenstatus_wachtlijst_org (wachtlijst_organisatie_id, wachtlijst_sinds, inwoner_id),
  ADD KEY ketenstatus_wachtlijst_telling (wachtlijst_organisatie_id, wachtlijst_wijkteam_id,
    wachtlijst_sinds, afgewezen_op);

UPDATE ketenstatus ks
   SET ks.wachtlijst_organisatie_id =
       (SELECT t.organisatie_id FROM traject t
         WHERE t.inwoner_id = ks.inwoner_id AND t.wijkteam_id = ks.wachtlijst_wijkteam_id
         ORDER BY t.startdatum DESC, t.id DESC LIMIT 1)
 WHERE ks.wachtlijst_wijkteam_id IS NOT NULL;
