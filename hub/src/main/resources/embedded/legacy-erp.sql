-- A small legacy ERP database for the embedded default: materials and batches as an old ERP keeps them, in SAP-like
-- columns, its times in Suzhou local time. config/cdc/legacy-erp.yml reads its changes. Made once, at the first
-- start of the embedded PostgreSQL; change it freely to see the changes flow.
create schema erp;

create table erp.materials (
    matnr  varchar(18) primary key,   -- material number
    maktx  varchar(40) not null,      -- short text (Chinese)
    mtart  varchar(4)  not null,      -- material type: ROH, HALB, FERT, VERP
    meins  varchar(3)  not null,      -- base unit
    xchpf  boolean     not null,      -- batch managed
    lvorm  char(1)     not null default '',  -- deletion flag: X when flagged
    werks  varchar(4)  not null,      -- plant
    aedat  timestamp   not null default localtimestamp  -- changed at, local time
);
-- the row before each update is logged: an update carries only what it changed into the hub
alter table erp.materials replica identity full;

create table erp.batches (
    charg  varchar(10) primary key,   -- batch (lot) number
    matnr  varchar(18) not null references erp.materials,
    gtin   varchar(14) not null,
    zstat  varchar(2)  not null,      -- status: PL planned, IP in production, QU quarantine, RE released, RJ rejected
    hsdat  date        not null,      -- production date
    vfdat  date,                      -- expiry date
    menge  numeric(13, 3) not null,   -- quantity in the material's unit
    meins  varchar(3)  not null
);
alter table erp.batches replica identity full;

insert into erp.materials (matnr, maktx, mtart, meins, xchpf, werks) values
    ('CATH-7F-110', '导管 7F 110cm', 'FERT', 'EA', true, 'CN01'),
    ('GW-035-150', '导丝 0.035 150cm', 'FERT', 'EA', true, 'CN01'),
    ('PEBAX-7233', '聚醚嵌段酰胺 7233', 'ROH', 'KG', true, 'CN01'),
    ('POUCH-TYVEK', '特卫强包装袋', 'VERP', 'EA', false, 'CN01'),
    ('HUB-LUER', '鲁尔接头', 'HALB', 'EA', true, 'DE01');

insert into erp.batches values
    ('L2611001', 'CATH-7F-110', '09506000134352', 'IP', '2026-11-18', '2029-11-17', 1200, 'EA'),
    ('L2611002', 'CATH-7F-110', '09506000134352', 'PL', '2026-11-25', '2029-11-24', 800, 'EA'),
    ('L2611003', 'GW-035-150', '09506000134369', 'IP', '2026-11-20', '2029-11-19', 500, 'EA');
