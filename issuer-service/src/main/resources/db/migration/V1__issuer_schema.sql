-- Academic Ledger issuer service: schema 1.
-- Personal data lives here, never on the ledger. Every table is keyed by school so that one
-- school's rows can never be reached through another school's identifiers.

create table schools (
    code        varchar(16) primary key,
    name        text        not null,
    did         text        not null unique,
    address     text        not null default '',
    ward        text        not null default '',
    district    text        not null default '',
    province    text        not null default '',
    status      varchar(16) not null default 'ACCREDITED' check (status in ('ACCREDITED', 'SUSPENDED')),
    created_at  timestamptz not null default now()
);

-- Signing keys a school has had; the active one signs, older ones stay for history.
create table school_keys (
    id                    bigserial primary key,
    school_code           varchar(16) not null references schools (code),
    public_key_multibase  text        not null,
    active                boolean     not null,
    registered_on_ledger  boolean     not null default false,
    created_at            timestamptz not null default now(),
    unique (school_code, public_key_multibase)
);
create unique index school_keys_one_active on school_keys (school_code) where active;

-- People and services that sign in. Passwords are bcrypt hashes.
create table accounts (
    username      varchar(64) primary key,
    password_hash text        not null,
    display_name  text        not null,
    role          varchar(32) not null check (role in ('DEPARTMENT_ADMIN', 'SCHOOL_ISSUER', 'SCHOOL_SIGNER', 'AUDITOR')),
    school_code   varchar(16) references schools (code),
    enabled       boolean     not null default true,
    created_at    timestamptz not null default now(),
    check ((role in ('SCHOOL_ISSUER', 'SCHOOL_SIGNER')) = (school_code is not null))
);

create table school_classes (
    id               uuid        primary key,
    school_code      varchar(16) not null references schools (code),
    school_year      varchar(9)  not null,
    grade            int         not null,
    name             varchar(32) not null,
    homeroom_teacher text        not null,
    student_count    int         not null,
    source_format    varchar(8)  not null check (source_format in ('CSV', 'XLSX')),
    source_sha256    char(64)    not null,
    -- The three CSV texts the class was read from (an XLSX upload is kept in the same form), so
    -- report cards are always computed from exactly what was imported.
    class_csv        text        not null,
    students_csv     text        not null,
    scores_csv       text        not null,
    imported_by      varchar(64) not null,
    imported_at      timestamptz not null default now(),
    unique (school_code, school_year, name)
);

create table students (
    id              uuid        primary key,
    school_code     varchar(16) not null references schools (code),
    class_id        uuid        not null references school_classes (id),
    position        int         not null,
    student_number  varchar(32) not null,
    full_name       text        not null,
    birth_date      date        not null,
    personal_id     varchar(12) not null,
    unique (school_code, student_number),
    unique (class_id, position)
);
create index students_personal_id on students (personal_id);

-- Bulk (or single) issuance: created by a school issuer, approved by the school's signer.
create table issuance_jobs (
    id               uuid        primary key,
    school_code      varchar(16) not null references schools (code),
    credential_type  varchar(32) not null,
    cryptosuite      varchar(32) not null,
    class_id         uuid        references school_classes (id),
    -- Set for a single credential: only this student of the class.
    student_id       uuid,
    status           varchar(24) not null check (status in ('AWAITING_APPROVAL', 'QUEUED', 'RUNNING', 'DONE', 'FAILED', 'REJECTED')),
    total            int         not null,
    done             int         not null default 0,
    failed           int         not null default 0,
    created_by       varchar(64) not null,
    approved_by      varchar(64),
    created_at       timestamptz not null default now(),
    started_at       timestamptz,
    finished_at      timestamptz,
    message          text
);
create index issuance_jobs_school on issuance_jobs (school_code, created_at desc);
create index issuance_jobs_unfinished on issuance_jobs (status) where status in ('QUEUED', 'RUNNING');

create table job_failures (
    job_id      uuid        not null references issuance_jobs (id),
    item        int         not null,
    student_id  uuid,
    reason      text        not null,
    primary key (job_id, item)
);

-- Status lists (W3C Bitstring Status List): each credential gets the next index of its school's
-- current list.
create table status_lists (
    school_code  varchar(16) not null references schools (code),
    list_number  int         not null,
    size         int         not null,
    next_index   int         not null default 0,
    primary key (school_code, list_number)
);

-- Diploma numbers: số hiệu never repeats for an issuer; số vào sổ runs 1, 2, 3... per issuer and year.
-- Counters are taken in the same transaction as the diploma, so a rollback leaves no gap.
create table diploma_registers (
    issuer_code     varchar(16) not null,
    year            int         not null,
    next_register   int         not null,
    primary key (issuer_code, year)
);
create table diploma_serials (
    issuer_code  varchar(16) primary key,
    prefix       varchar(8)  not null,
    next_serial  bigint      not null
);

create table credentials (
    id                 uuid        primary key,
    school_code        varchar(16) not null references schools (code),
    credential_type    varchar(32) not null,
    student_id         uuid        references students (id),
    job_id             uuid        references issuance_jobs (id),
    job_item           int,
    status_list        int         not null,
    status_index       int         not null,
    -- The signed credential without its receipt, exactly as signed (JSON text).
    credential_json    text        not null,
    salt               bytea       not null,
    digest             bytea       not null unique,
    serial_number      varchar(32),
    register_number    varchar(32),
    issued_by          varchar(64) not null,
    issued_at          timestamptz not null,
    revoked_at         timestamptz,
    revocation_reason  varchar(64),
    revoked_by         varchar(64),
    unique (job_id, job_item),
    unique (school_code, status_list, status_index)
);
create index credentials_student on credentials (school_code, student_id);
create index credentials_school_issued on credentials (school_code, issued_at desc);

-- Transactional outbox: a row is written with its credential, in the same transaction, and
-- removed in the transaction that puts the credential into a batch.
create table anchor_outbox (
    seq              bigserial   primary key,
    credential_id    uuid        not null unique references credentials (id),
    school_code      varchar(16) not null,
    credential_type  varchar(32) not null,
    enqueued_at      timestamptz not null default now()
);
create index anchor_outbox_group on anchor_outbox (school_code, credential_type, seq);

create table anchor_batches (
    id               varchar(160) primary key,
    school_code      varchar(16) not null references schools (code),
    credential_type  varchar(32) not null,
    size             int         not null,
    merkle_root      bytea       not null,
    status           varchar(16) not null check (status in ('PENDING', 'ANCHORED')),
    attempts         int         not null default 0,
    next_attempt_at  timestamptz not null default now(),
    last_error       text,
    ledger           varchar(32),
    tx_id            text,
    anchored_at      timestamptz,
    created_at       timestamptz not null default now()
);
create index anchor_batches_pending on anchor_batches (next_attempt_at) where status = 'PENDING';

-- A credential belongs to at most one batch (unique credential_id): anchored exactly once.
create table batch_members (
    batch_id       varchar(160) not null references anchor_batches (id),
    leaf_index     int          not null,
    credential_id  uuid         not null unique references credentials (id),
    primary key (batch_id, leaf_index)
);

-- The receipt (inclusion proof) of each anchored credential, as added to its proof set.
create table inclusion_proofs (
    credential_id  uuid         primary key references credentials (id),
    batch_id       varchar(160) not null references anchor_batches (id),
    receipt_json   text         not null
);

-- Who did what, when, from where. Append-only: the trigger below refuses UPDATE and DELETE.
create table audit_log (
    id           bigserial   primary key,
    at           timestamptz not null default clock_timestamp(),
    actor        varchar(64) not null,
    actor_role   varchar(32),
    school_code  varchar(16),
    action       varchar(48) not null,
    target       text,
    outcome      varchar(16) not null check (outcome in ('SUCCESS', 'DENIED', 'FAILED')),
    remote_addr  varchar(64),
    details      jsonb
);
create index audit_log_at on audit_log (at);
create index audit_log_actor on audit_log (actor, at);
create index audit_log_school on audit_log (school_code, at);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_is_append_only();
