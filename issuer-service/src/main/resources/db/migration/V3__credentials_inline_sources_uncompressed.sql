-- A signed report card is about 4.7 KB of JSON. Stored out of line (V2), each took three TOAST
-- chunks and three TOAST index entries besides its row; below 8 KB it now stays in its row.
-- Larger credentials are still moved out of line, uncompressed.
alter table credentials set (toast_tuple_target = 8160);

-- A class's source files (hundreds of KB for a class of 500) are kept as imported, uncompressed:
-- pglz compression cost more time than the rest of the import.
alter table school_classes alter column class_csv set storage external;
alter table school_classes alter column students_csv set storage external;
alter table school_classes alter column scores_csv set storage external;
