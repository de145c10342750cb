-- The metrics of `almanac metrics --year 2023` (2023 beside 2022) as someone would first write them
-- in the sqlite3 shell: one aggregate per metric and period, no planning. bench/20-metrics.sh times
-- this file against almanac, side by side, to report the ratio. Parameters are inlined:
-- P = 2023-01-01..2023-12-31, P' = 2022-01-01..2022-12-31.
-- members.start / end / new / lapsed
SELECT count(*) FROM members WHERE joined_on <= '2022-12-31' AND (left_on IS NULL OR left_on > '2022-12-31');
SELECT count(*) FROM members WHERE joined_on <= '2023-12-31' AND (left_on IS NULL OR left_on > '2023-12-31');
SELECT count(*) FROM members WHERE joined_on BETWEEN '2023-01-01' AND '2023-12-31';
SELECT count(*) FROM members WHERE left_on BETWEEN '2023-01-01' AND '2023-12-31';
SELECT count(*) FROM members WHERE joined_on <= '2021-12-31' AND (left_on IS NULL OR left_on > '2021-12-31');
SELECT count(*) FROM members WHERE joined_on BETWEEN '2022-01-01' AND '2022-12-31';
SELECT count(*) FROM members WHERE left_on BETWEEN '2022-01-01' AND '2022-12-31';
-- members.retention
SELECT count(*) FROM members WHERE joined_on <= '2022-12-31' AND (left_on IS NULL OR left_on > '2023-12-31');
SELECT count(*) FROM members WHERE joined_on <= '2021-12-31' AND (left_on IS NULL OR left_on > '2022-12-31');
-- members.monthly: active at every month end from the first join
WITH RECURSIVE months(d) AS (
  SELECT date(min(joined_on), 'start of month', '+1 month', '-1 day') FROM members
  UNION ALL SELECT date(d, '+1 day', '+1 month', '-1 day') FROM months WHERE d < '2023-12-31')
SELECT d, (SELECT count(*) FROM members WHERE joined_on <= d AND (left_on IS NULL OR left_on > d)) FROM months;
-- members.by_region / by_country / by_sector, countries.count (both period ends)
SELECT r.name, count(m.id) FROM members m LEFT JOIN countries c ON c.code = m.country_code LEFT JOIN regions r ON r.id = c.region_id
  WHERE m.joined_on <= '2023-12-31' AND (m.left_on IS NULL OR m.left_on > '2023-12-31') GROUP BY r.name;
SELECT r.name, count(m.id) FROM members m LEFT JOIN countries c ON c.code = m.country_code LEFT JOIN regions r ON r.id = c.region_id
  WHERE m.joined_on <= '2022-12-31' AND (m.left_on IS NULL OR m.left_on > '2022-12-31') GROUP BY r.name;
SELECT country_code, count(*) FROM members WHERE joined_on <= '2023-12-31' AND (left_on IS NULL OR left_on > '2023-12-31') GROUP BY country_code;
SELECT country_code, count(*) FROM members WHERE joined_on <= '2022-12-31' AND (left_on IS NULL OR left_on > '2022-12-31') GROUP BY country_code;
SELECT sector, count(*) FROM members WHERE joined_on <= '2023-12-31' AND (left_on IS NULL OR left_on > '2023-12-31') GROUP BY sector;
SELECT sector, count(*) FROM members WHERE joined_on <= '2022-12-31' AND (left_on IS NULL OR left_on > '2022-12-31') GROUP BY sector;
SELECT count(DISTINCT country_code) FROM members WHERE joined_on <= '2023-12-31' AND (left_on IS NULL OR left_on > '2023-12-31');
SELECT count(DISTINCT country_code) FROM members WHERE joined_on <= '2022-12-31' AND (left_on IS NULL OR left_on > '2022-12-31');
-- working groups: established, total, members per group (both period ends)
SELECT count(*) FROM working_groups WHERE established_on BETWEEN '2023-01-01' AND '2023-12-31';
SELECT count(*) FROM working_groups WHERE established_on BETWEEN '2022-01-01' AND '2022-12-31';
SELECT count(*) FROM working_groups WHERE established_on <= '2023-12-31';
SELECT count(*) FROM working_groups WHERE established_on <= '2022-12-31';
SELECT g.name, count(m.member_id) FROM working_groups g LEFT JOIN working_group_members m ON m.working_group_id = g.id
  AND m.joined_on <= '2023-12-31' AND (m.left_on IS NULL OR m.left_on > '2023-12-31') GROUP BY g.id;
SELECT g.name, count(m.member_id) FROM working_groups g LEFT JOIN working_group_members m ON m.working_group_id = g.id
  AND m.joined_on <= '2022-12-31' AND (m.left_on IS NULL OR m.left_on > '2022-12-31') GROUP BY g.id;
-- activities: count, by kind, by month, by working group, participants, partners
SELECT count(*), total(participants), count(*) - count(participants) FROM activities WHERE held_on BETWEEN '2023-01-01' AND '2023-12-31';
SELECT count(*), total(participants), count(*) - count(participants) FROM activities WHERE held_on BETWEEN '2022-01-01' AND '2022-12-31';
SELECT kind, count(*) FROM activities WHERE held_on BETWEEN '2023-01-01' AND '2023-12-31' GROUP BY kind;
SELECT kind, count(*) FROM activities WHERE held_on BETWEEN '2022-01-01' AND '2022-12-31' GROUP BY kind;
SELECT substr(held_on, 1, 7), count(*) FROM activities WHERE held_on BETWEEN '2023-01-01' AND '2023-12-31' GROUP BY 1;
SELECT working_group_id, count(*) FROM activities WHERE held_on BETWEEN '2023-01-01' AND '2023-12-31' GROUP BY 1;
SELECT working_group_id, count(*) FROM activities WHERE held_on BETWEEN '2022-01-01' AND '2022-12-31' GROUP BY 1;
SELECT count(DISTINCT ap.partner_id) FROM activity_partners ap JOIN activities a ON a.id = ap.activity_id WHERE a.held_on BETWEEN '2023-01-01' AND '2023-12-31';
SELECT count(DISTINCT ap.partner_id) FROM activity_partners ap JOIN activities a ON a.id = ap.activity_id WHERE a.held_on BETWEEN '2022-01-01' AND '2022-12-31';
-- engagement.rate: distinct attendees of the period who are members at its end
SELECT count(DISTINCT at.member_id) FROM attendance at JOIN activities a ON a.id = at.activity_id JOIN members m ON m.id = at.member_id
  WHERE a.held_on BETWEEN '2023-01-01' AND '2023-12-31' AND m.joined_on <= '2023-12-31' AND (m.left_on IS NULL OR m.left_on > '2023-12-31');
SELECT count(DISTINCT at.member_id) FROM attendance at JOIN activities a ON a.id = at.activity_id JOIN members m ON m.id = at.member_id
  WHERE a.held_on BETWEEN '2022-01-01' AND '2022-12-31' AND m.joined_on <= '2022-12-31' AND (m.left_on IS NULL OR m.left_on > '2022-12-31');
