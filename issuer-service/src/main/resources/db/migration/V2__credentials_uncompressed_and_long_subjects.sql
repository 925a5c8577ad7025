-- Signed credentials are 4-6 KB of JSON, above PostgreSQL's 2 KB TOAST threshold: by default each
-- is compressed with pglz on insert, which cost more CPU than the signing itself in the issuance
-- benchmark. Stored out of line without compression instead (more disk, far less CPU).
alter table credentials alter column credential_json set storage external;

-- An external OpenID provider's subject identifiers can be longer than our own account names.
alter table audit_log alter column actor type varchar(255);
alter table credentials alter column issued_by type varchar(255);
alter table credentials alter column revoked_by type varchar(255);
alter table issuance_jobs alter column created_by type varchar(255);
alter table issuance_jobs alter column approved_by type varchar(255);
alter table school_classes alter column imported_by type varchar(255);
