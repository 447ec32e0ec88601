package kg.corenlp;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.Triple;

import javax.json.Json;
import javax.json.JsonArrayBuilder;
import javax.json.JsonObject;
import javax.json.JsonReader;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stanford CoreNLP's CRF entity recogniser as a filter, for training and
 * benchmarks only (the teacher of `pnpm train:ner`, the comparison of
 * `pnpm bench:ner`). Two modes:
 *
 * <pre>
 *   Label spans MODEL [THREADS]   stdin: JSON Lines {"id", "text"}
 *                                 stdout: JSON Lines {"id", "spans": [[start, end, "PER"], ...]}
 *                                 (UTF-16 offsets into "text", as JavaScript indexes strings)
 *   Label conll MODEL             stdin: CoNLL, token in the first column, blank lines between sentences
 *                                 stdout: "token TAG" a line (IOB2), blank and -DOCSTART- lines kept
 * </pre>
 *
 * MODEL is a classifier path inside the models jar, e.g.
 * edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz.
 * Text is classified a block at a time (blocks are separated by blank lines),
 * so a headline never runs into the first sentence; inside a block a line
 * break is a space, as in hard-wrapped newswire.
 */
public final class Label {
  private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t\\r]*\\n");

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: Label spans|conll MODEL [THREADS]");
      System.exit(2);
    }
    CRFClassifier<CoreLabel> crf = CRFClassifier.getClassifier(args[1]);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    switch (args[0]) {
      case "spans" -> spans(crf, in, out, args.length > 2 ? Integer.parseInt(args[2]) : 2);
      case "conll" -> conll(crf, in, out);
      default -> {
        System.err.println("unknown mode " + args[0]);
        System.exit(2);
      }
    }
    out.flush();
  }

  private static void spans(CRFClassifier<CoreLabel> crf, BufferedReader in, BufferedWriter out, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<String>> pending = new ArrayList<>();
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isBlank()) continue;
      final String record = line;
      pending.add(pool.submit(() -> labelRecord(crf, record)));
      // Keep memory flat: write finished records in input order as we go.
      while (pending.size() > threads * 64) {
        out.write(pending.remove(0).get());
        out.newLine();
      }
    }
    for (Future<String> f : pending) {
      out.write(f.get());
      out.newLine();
    }
    pool.shutdown();
  }

  private static String labelRecord(CRFClassifier<CoreLabel> crf, String record) {
    JsonObject obj;
    try (JsonReader reader = Json.createReader(new StringReader(record))) {
      obj = reader.readObject();
    }
    String text = obj.getString("text");
    JsonArrayBuilder spans = Json.createArrayBuilder();
    int blockStart = 0;
    Matcher m = BLANK_LINES.matcher(text);
    List<int[]> blocks = new ArrayList<>();
    while (m.find()) {
      blocks.add(new int[] {blockStart, m.start()});
      blockStart = m.end();
    }
    blocks.add(new int[] {blockStart, text.length()});
    for (int[] b : blocks) {
      String block = text.substring(b[0], b[1]);
      if (block.isBlank()) continue;
      for (Triple<String, Integer, Integer> t : crf.classifyToCharacterOffsets(block)) {
        spans.add(Json.createArrayBuilder().add(t.second() + b[0]).add(t.third() + b[0]).add(conllType(t.first())));
      }
    }
    return Json.createObjectBuilder().add("id", obj.getString("id")).add("spans", spans).build().toString();
  }

  /** CoNLL's type names: the models answer PERSON, ORGANIZATION, LOCATION, MISC. */
  private static String conllType(String answer) {
    if (answer == null) return "O";
    return switch (answer) {
      case "PERSON" -> "PER";
      case "ORGANIZATION" -> "ORG";
      case "LOCATION" -> "LOC";
      default -> answer;
    };
  }

  private static void conll(CRFClassifier<CoreLabel> crf, BufferedReader in, BufferedWriter out) throws IOException {
    List<String> lines = new ArrayList<>();
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isBlank() || line.startsWith("-DOCSTART-")) {
        flushSentence(crf, lines, out);
        out.write(line.isBlank() ? "" : "-DOCSTART- O");
        out.newLine();
      } else {
        lines.add(line.trim().split("\\s+")[0]);
      }
    }
    flushSentence(crf, lines, out);
  }

  private static void flushSentence(CRFClassifier<CoreLabel> crf, List<String> words, BufferedWriter out) throws IOException {
    if (words.isEmpty()) return;
    List<CoreLabel> sentence = new ArrayList<>();
    for (String w : words) {
      CoreLabel label = new CoreLabel();
      label.setWord(w);
      label.setValue(w);
      label.setOriginalText(w);
      sentence.add(label);
    }
    // classifySentence, not classify: it runs the preprocessing the model was trained with.
    List<CoreLabel> tagged = crf.classifySentence(sentence);
    String previous = "O";
    for (CoreLabel token : tagged) {
      String type = conllType(token.get(CoreAnnotations.AnswerAnnotation.class));
      String tag;
      if (type == null || type.equals("O")) {
        tag = "O";
        previous = "O";
      } else {
        tag = (type.equals(previous) ? "I-" : "B-") + type;
        previous = type;
      }
      out.write(token.word() + " " + tag);
      out.newLine();
    }
    words.clear();
  }
}
