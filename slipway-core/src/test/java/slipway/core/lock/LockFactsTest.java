package slipway.core.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import slipway.core.catalog.Catalog;
import slipway.core.catalog.CatalogReplay;

/** The classifier agrees with every row of LockFacts on every major the row covers (the server proves the rows). */
class LockFactsTest {
  static StatementFacts classify(LockFacts.LockFact fact, int major) {
    Catalog catalog = new Catalog();
    catalog.beginMigration();
    CatalogReplay.applyScript(catalog, fact.setup());
    catalog.beginMigration();
    return LockModel.classify(fact.example(), catalog, major);
  }

  static Map<String, LockMode> locks(StatementFacts facts) {
    Map<String, LockMode> out = new LinkedHashMap<>();
    for (LockedRelation l : facts.locks()) {
      out.put(l.relation(), l.mode());
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("slipway.core.lock.LockFacts#all")
  void classifierPicksTheRowAndAgreesWithIt(LockFacts.LockFact fact) {
    List<String> problems = new ArrayList<>();
    for (int v = fact.oldest(); v <= fact.newest(); v++) {
      StatementFacts got = classify(fact, v);
      if (!got.facts().contains(fact.id())) {
        problems.add("PG" + v + ": picked " + got.facts());
      }
      if (!locks(got).equals(fact.locks())) {
        problems.add("PG" + v + ": locks " + locks(got) + " expected " + fact.locks());
      }
      if (got.rewrite() != fact.rewrite()) {
        problems.add("PG" + v + ": rewrite " + got.rewrite());
      }
      if (got.scan() != fact.scan()) {
        problems.add("PG" + v + ": scan " + got.scan());
      }
      if (got.transactional() != fact.transactional()) {
        problems.add("PG" + v + ": transactional " + got.transactional());
      }
    }
    assertTrue(problems.isEmpty(), fact.id() + ": " + String.join("; ", problems));
  }

  @Test
  void idsAreUnique() {
    Set<String> ids = new HashSet<>();
    for (LockFacts.LockFact f : LockFacts.all()) {
      assertTrue(ids.add(f.id()), f.id());
    }
    assertEquals(LockFacts.all().size(), ids.size());
  }
}
