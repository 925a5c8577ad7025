-- Anchoring bookkeeping per stored chunk instead of per credential.
--
-- Before: each credential had an outbox row (inserted, then deleted when batched), a batch_members
-- row and an inclusion_proofs row with its receipt: four row writes and six index entries per
-- credential besides the credential itself. Now a chunk of credentials stored in one transaction
-- (up to issuer.jobs.chunk-size) is one outbox row, listing its credentials and their digests in
-- order; a batch is made of whole chunks (batch_id and the chunk's offset in the batch are set when
-- it is batched), and a credential's receipt is derived when asked for, from its batch's leaves (the
-- chunks' digests in order), the batch's root and ledger, and the credential's salt: exactly what
-- the stored receipt held.
create table anchor_chunks (
    seq              bigserial    primary key,
    school_code      varchar(16)  not null references schools (code),
    credential_type  varchar(32)  not null,
    job_id           uuid         references issuance_jobs (id),
    credential_ids   uuid[]       not null,
    -- 32 bytes per credential, in the order of credential_ids: the Merkle leaves.
    digests          bytea        not null,
    enqueued_at      timestamptz  not null default now(),
    batch_id         varchar(160) references anchor_batches (id),
    batch_offset     int,
    check (octet_length(digests) = 32 * cardinality(credential_ids)),
    check ((batch_id is null) = (batch_offset is null))
);
create index anchor_chunks_waiting on anchor_chunks (school_code, credential_type, seq) where batch_id is null;
create index anchor_chunks_batch on anchor_chunks (batch_id, batch_offset);
alter table anchor_chunks alter column digests set storage external;

-- The chunk a credential was stored in (set when it is inserted, in the same transaction).
alter table credentials add column anchor_chunk bigint;

-- Existing batches become one chunk each, their members in leaf order.
insert into anchor_chunks (school_code, credential_type, credential_ids, digests, enqueued_at, batch_id, batch_offset)
select b.school_code, b.credential_type,
       array_agg(m.credential_id order by m.leaf_index),
       string_agg(c.digest, ''::bytea order by m.leaf_index),
       b.created_at, b.id, 0
from anchor_batches b
join batch_members m on m.batch_id = b.id
join credentials c on c.id = m.credential_id
group by b.id;

-- Credentials still waiting in the outbox become waiting chunks of at most 500 (the default chunk
-- size; a batch takes whole chunks up to its size), per school and type, oldest first.
insert into anchor_chunks (school_code, credential_type, credential_ids, digests, enqueued_at)
select w.school_code, w.credential_type,
       array_agg(w.credential_id order by w.seq),
       string_agg(w.digest, ''::bytea order by w.seq),
       min(w.enqueued_at)
from (select o.seq, o.school_code, o.credential_type, o.credential_id, o.enqueued_at, c.digest,
             (row_number() over (partition by o.school_code, o.credential_type order by o.seq) - 1) / 500 as part
      from anchor_outbox o join credentials c on c.id = o.credential_id) w
group by w.school_code, w.credential_type, w.part
order by min(w.seq);

update credentials c set anchor_chunk = k.seq
from (select seq, unnest(credential_ids) as id from anchor_chunks) k
where c.id = k.id;

drop table inclusion_proofs;
drop table batch_members;
drop table anchor_outbox;
