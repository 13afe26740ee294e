-- A report can say that someone who works at an institution (a teacher, a police officer, …) is
-- involved in harming the child, and name the institution: a conflict of interest of that institution,
-- so the case goes to oversight and is hidden from it. The name is personal data, sealed like
-- threatened_by_sealed. Reports filed before this column existed said nothing of it.
alter table report add column staff_involved boolean not null default false;

alter table report add column staff_of_sealed bytea;
