package io.graphstore.store.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.jdbi.v3.core.statement.ColonPrefixSqlParser;
import org.jdbi.v3.core.statement.ParsedSql;
import org.junit.jupiter.api.Test;

/** PlainSqlParser answers exactly as Jdbi's own parser, or leaves the statement to it. */
class PlainSqlParserTest {
    private final ColonPrefixSqlParser jdbi = new ColonPrefixSqlParser();

    @Test
    void theStatementsThisProjectWritesAreParsedWithoutJdbisLexer() {
        for (String sql : List.of(
                "select id, subgraph, name from deployment_schemas where subgraph = :hash and active",
                "insert into deployment_schemas (id, subgraph, name) values (:id, :hash, 'sgd' || :id)",
                "select s.stamp = :stamp and (select count(*) from pg_foreign_server where srvname = any(:servers)) = :n",
                "select nextval('public.deployment_schemas_id_seq')::int",
                "select case when a <> 'x:y' then 'it''s' else \"Col:umn\" end from t where b >= :b_1 and c::text = :c",
                "set local plan_cache_mode = force_custom_plan",
                "select $1, x - 1 from t",
                "")) {
            ParsedSql mine = PlainSqlParser.scan(sql);
            assertThat(mine).as(sql).isNotNull().isEqualTo(jdbi.parse(sql, null));
        }
    }

    @Test
    void whatJdbisLexerTreatsSpeciallyIsLeftToIt() {
        for (String sql : List.of("select ?", "select '\\''", "select /* :x */ 1", "select 1 -- :x\n", "select 1 // :x\n", "select a[1:2]", "do $$ x := 1 $$",
                "select :a.b", "select :a$", "select :1", "select :a#b", "select 'unclosed", "select \"\"", "select ä", "select #x",
                "select :")) {
            assertThat(PlainSqlParser.scan(sql)).as(sql).isNull();
        }
    }

    @Test
    void randomStatementsParseAsJdbiParsesThem() {
        Random random = new Random(12);
        String[] pieces = {"a", "b1", "_", " ", "\n", ":", "::", "'", "\"", "?", "\\", "/", "*", "-", "$", "=", "(",
            ")", "[", "]", ".", "#", ",", "<", ">", "ä", "select ", ":id", "'x'", "\"y\""};
        int parsedHere = 0;
        for (int t = 0; t < 100_000; t++) {
            StringBuilder sql = new StringBuilder();
            for (int k = random.nextInt(12); k >= 0; k--) {
                sql.append(pieces[random.nextInt(pieces.length)]);
            }
            String s = sql.toString();
            ParsedSql mine = PlainSqlParser.scan(s);
            if (mine != null) {
                parsedHere++;
                assertThat(mine).as(s).isEqualTo(jdbi.parse(s, null));
            }
        }
        assertThat(parsedHere).isGreaterThan(10_000);
    }
}
