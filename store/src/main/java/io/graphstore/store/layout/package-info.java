/**
 * A deployment's GraphQL schema as relational tables: {@link io.graphstore.store.layout.Layout}
 * parses the SDL (graphql-java's {@code SchemaParser}, registry only, so graph-node's
 * undeclared scalars are fine) into one {@link io.graphstore.store.layout.EntityTable} per
 * {@code @entity} type and writes the DDL for a namespace {@code sgdN}. Nothing here touches
 * a database; the caller runs the DDL in the deployment's shard. The layout is graph-node's
 * (docs/layout.md shows what each construct becomes, with the SQL, and where graph-store differs).
 *
 * <h2>Types</h2>
 * <table>
 * <caption>GraphQL field type to column</caption>
 * <tr><th>GraphQL</th><th>SQL</th><th>Java ({@code encode}/{@code decode})</th></tr>
 * <tr><td>ID, String</td><td>text</td><td>String</td></tr>
 * <tr><td>an enum</td><td>the enum's type in the namespace ({@link io.graphstore.store.layout.EnumType})</td><td>String, one of the declared values</td></tr>
 * <tr><td>Int</td><td>int4</td><td>Integer</td></tr>
 * <tr><td>Int8</td><td>int8</td><td>Long (encode also takes Integer)</td></tr>
 * <tr><td>Timestamp</td><td>timestamptz</td><td>Long, microseconds since the epoch</td></tr>
 * <tr><td>BigInt</td><td>numeric</td><td>BigInteger (encode also takes Long, Integer)</td></tr>
 * <tr><td>BigDecimal</td><td>numeric</td><td>BigDecimal (encode also takes BigInteger, Long, Integer)</td></tr>
 * <tr><td>Bytes</td><td>bytea</td><td>byte[] (encode also takes a {@code "0x..."} String)</td></tr>
 * <tr><td>Boolean</td><td>boolean</td><td>Boolean (encode also takes "true", "false")</td></tr>
 * <tr><td>[T], [T!]</td><td>T's type with {@code []}</td><td>java.util.List; elements may be null</td></tr>
 * </table>
 * A field whose type is another {@code @entity} type is a reference: it has the SQL type of the
 * target's id column and {@code references} names the target. A field whose type is an
 * interface holds the id of one of the entities implementing it: its type is their common id
 * type (text when none implements it; the schema is rejected when their id types differ) and it
 * references the interface. {@code @derivedFrom} fields are not stored. {@code !} makes
 * the column {@code not null}; element nullability of lists is not recorded. An enum value
 * outside the declared ones is rejected on encode. The id must be {@code ID}, {@code String}
 * (text), {@code Bytes} (bytea) or {@code Int8} (int8), non-null or not (the column always is).
 * {@code @entity(immutable: true)} and timeseries types get immutable tables ({@code block$});
 * {@code @fulltext} on {@code _Schema_} adds a generated {@code tsvector} column
 * ({@link io.graphstore.store.layout.FulltextColumn}); every table gets graph-node's attribute
 * indexes ({@code AttributeIndexes}).
 *
 * <h2>Names</h2>
 * Tables and columns are graph-node's snake case of the GraphQL names (see
 * {@code SqlNames.snakeCase}): {@code TokenBalance} → {@code token_balance}, {@code token0Price} →
 * {@code token_0_price}, {@code tokenIDs} → {@code token_i_ds}. They are at most 63 lowercase letters,
 * digits and underscores; the schema is rejected when a name is longer, when two types or two
 * fields of a type map to the same name, when a field maps to {@code vid} or
 * {@code block_range}, or when a table would take the name of another table's index. Column
 * names are quoted in SQL ({@code "from"}, {@code "to"} are keywords); qualified table names need
 * no quotes. Index and constraint names are the table name plus a suffix, the table part cut
 * short with a stable hash added when that exceeds 63 characters.
 *
 * <h2>Tables and why each index exists</h2>
 * Every row is one version of an entity: {@code vid bigserial primary key} identifies it,
 * {@code block_range int4range} holds the blocks it is valid for (open, {@code [b,)}, while
 * current), then {@code id} and a column per stored field.
 * <ul>
 * <li>{@code <table>_id_block}, btree on {@code (id, lower(block_range))}: a read of one id at a
 * block finds its few versions and picks the one whose range contains the block. There is
 * deliberately no {@code exclude using gist (id with =, block_range with &&)} constraint as in
 * graph-node: maintaining it made closing a version about 20 times slower (5.4 ms against
 * 0.25 ms per update on 11 000 rows, measured with the transact benchmark's data). Versions of
 * one id cannot overlap because the only writer closes the open version at a block after the
 * head before inserting the next one, and a revert deletes the later versions before reopening
 * the earlier one; the open index below enforces the part a bug could break.</li>
 * <li>{@code <table>_id_open}, unique on {@code (id) where upper_inf(block_range)}: exactly one
 * current version per id, and the index a write uses to find and close it.</li>
 * <li>{@code <table>_block_range_brin}, BRIN on {@code (lower(block_range),
 * coalesce(upper(block_range), 2147483647), vid)}: a revert finds the versions created or closed
 * after a block by their bounds; rows arrive in block order, so a small BRIN index suffices.</li>
 * </ul>
 *
 * <h2>Values</h2>
 * {@link io.graphstore.store.layout.Column#encode} gives the text PostgreSQL parses when cast to
 * the column's type (lists as array literals with every element quoted). Writers pass one
 * {@code text[]} parameter per column, {@code unnest} them and cast each to
 * {@link io.graphstore.store.layout.Column#sqlType()}, so no value is concatenated into SQL.
 * Because entity ids travel as strings, {@code encode} also takes numbers as decimal text
 * ({@code "42"}) and bytes as {@code "0x..."} text; it checks such text and writes it in
 * canonical form, so {@code decode} returns the typed value, not the text.
 * {@code BigDecimal} values keep a scale of zero or more; a negative scale comes back as the
 * same number with scale zero.
 *
 * <h2>Timeseries and aggregations</h2>
 * {@code @entity(timeseries: true)} types are immutable with an {@code Int8} id and a
 * {@code timestamp}; each {@code @aggregation} type becomes an {@link io.graphstore.store.layout.Aggregation}
 * with one immutable table per interval ({@code stats_hour}, {@code stats_day}), placed after the
 * entity tables in {@link io.graphstore.store.layout.Layout#tables()} so copies, reverts and
 * verification see them. {@link io.graphstore.store.layout.RollupSql} writes graph-node's rollup
 * statement; the shard runs it. The checks ({@link io.graphstore.store.layout.Timeseries},
 * {@link io.graphstore.store.layout.AggregationMapper}) use graph-node's messages. See
 * {@code docs/layout.md}, "Timeseries and aggregations".
 *
 * <h2>Errors</h2>
 * Every problem in a schema is a one-line {@link io.graphstore.common.BadInputException}
 * starting {@code source:line:column:} when the place is known; a wrong value given to
 * {@code encode} is one too, naming {@code Type.field} and the value.
 */
package io.graphstore.store.layout;
