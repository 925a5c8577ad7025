package vn.academicledger.core.proof;

import java.util.EnumMap;
import java.util.Map;

import com.apicatalog.jsonld.loader.DocumentLoader;

import vn.academicledger.core.vc.BundledContexts;

/** The implemented cryptosuites, sharing one RDF canonicalizer (and its context caches) per loader. */
final class Suites {
    private static final Suites BUNDLED = new Suites(BundledContexts.shared());

    private final Map<Cryptosuite, Suite> suites = new EnumMap<>(Cryptosuite.class);

    private Suites(DocumentLoader loader) {
        suites.put(Cryptosuite.EDDSA_JCS_2022, new EddsaJcs2022());
        suites.put(Cryptosuite.EDDSA_RDFC_2022, new EddsaRdfc2022(new RdfCanonicalizer(loader)));
    }

    static Suites of(DocumentLoader loader) {
        return loader == BundledContexts.shared() ? BUNDLED : new Suites(loader);
    }

    Suite get(Cryptosuite cryptosuite) {
        return suites.get(cryptosuite);
    }
}
