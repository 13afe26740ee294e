-- A report can give the child's date of birth. It is personal data, sealed like child_name_sealed
-- (the ISO date, yyyy-MM-dd, encrypted); linking finds cases by a keyed hash of it in case_feature,
-- never by the date itself. Reports filed before this column existed did not give one.
alter table report add column child_birth_date_sealed bytea;
