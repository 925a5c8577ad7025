-- Status list indexes in a shuffled order. A credential's index was its list's counter: indexes then
-- told a verifier (or anyone reading a list) the order credentials were issued in, and which were
-- issued together. Each new list gets a secret key, and a credential's index is a keyed permutation of
-- the counter over the list's size (StatusIndexPermutation): still each index exactly once, no gaps
-- beyond those of the counter, but in no order an outsider can follow. Lists created before this
-- keep their sequential indexes (null key): their credentials are already issued.
alter table status_lists add column index_key bytea;
