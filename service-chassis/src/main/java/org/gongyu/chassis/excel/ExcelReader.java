package org.gongyu.chassis.excel;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an uploaded template workbook row by row, never holding the workbook in memory: the sheet
 * XML is streamed through a SAX handler (POI's hardened parser: no DOCTYPE, no external entities),
 * shared strings are read by this class with every string capped at the cell limit and the whole
 * table capped, and POI's zip guard refuses zip bombs (minimum inflate ratio, largest entry).
 *
 * <p>Problems with the file as a whole are {@link ApiProblem}s (415 not an xlsx, 413 too large,
 * 422 encrypted, damaged, not this template or version); problems with a cell are kept on its
 * {@link ImportRow} (formula, too long, control characters, not convertible, required).
 */
public final class ExcelReader {

  /** The most characters of all shared strings together (about 64 MB of heap at most). */
  static final long MAX_SHARED_CHARS = 32L * 1024 * 1024;
  /** How much of a cell the error workbook and messages keep. */
  static final int TEXT_KEPT = 500;

  static {
    // JVM-wide guards of POI's zip reading (they apply to every workbook this process opens)
    ZipSecureFile.setMinInflateRatio(0.01);
    ZipSecureFile.setMaxEntrySize(512L * 1024 * 1024);
    ZipSecureFile.setMaxFileCount(1000);
  }

  private ExcelReader() {}

  /** What {@link #inspect} found: a readable workbook of the template, with about this many data rows. */
  public record Inspection(int rows) {}

  /** What {@link #read} read. */
  public record Summary(int rows) {}

  /**
   * Checks the file before a job is made of it: size, type, encryption, template family and version,
   * header row, and the number of rows (a streaming count).
   */
  public static Inspection inspect(Path file, TemplateSpec spec, ExcelLimits limits) {
    try (Opened o = open(file, spec, limits)) {
      int[] count = {0};
      Converter converter = new Converter(spec, o.header, limits);
      o.stream(o.data, limits, new RowSink() {
        boolean any;
        final Map<Integer, Raw> second = new HashMap<>();

        @Override
        public void cell(int col, Raw raw) {
          any = true;
          if (o.header.containsKey(col) && count[0] == 0) {
            second.put(col, raw);
          }
        }

        @Override
        public void endRow(int rowNumber) {
          if (any && rowNumber > 1) {
            ImportRow first = count[0] == 0 && rowNumber == 2 ? converter.convert(rowNumber, second) : null;
            if (first == null || !converter.isExample(first)) {
              count[0]++;
            }
            if (count[0] > limits.maxRows()) {
              throw tooManyRows(limits);
            }
          }
          second.clear();
          any = false;
        }
      });
      return new Inspection(count[0]);
    }
  }

  /** Streams the data rows (without header, blank rows and the unchanged example row) to {@code rows}. */
  public static Summary read(Path file, TemplateSpec spec, ExcelLimits limits, Consumer<ImportRow> rows) {
    try (Opened o = open(file, spec, limits)) {
      Converter converter = new Converter(spec, o.header, limits);
      int[] count = {0};
      o.stream(o.data, limits, new RowSink() {
        final Map<Integer, Raw> cells = new HashMap<>();

        @Override
        public void cell(int col, Raw raw) {
          if (o.header.containsKey(col)) {
            cells.put(col, raw);
          }
        }

        @Override
        public void endRow(int rowNumber) {
          if (rowNumber > 1 && !cells.isEmpty()) {
            ImportRow row = converter.convert(rowNumber, cells);
            cells.clear();
            if (row == null || (rowNumber == 2 && converter.isExample(row))) {
              return;
            }
            if (++count[0] > limits.maxRows()) {
              throw tooManyRows(limits);
            }
            rows.accept(row);
          }
          cells.clear();
        }
      });
      return new Summary(count[0]);
    }
  }

  private static ApiProblem tooManyRows(ExcelLimits limits) {
    return ApiProblem.payloadTooLarge(Msg.msg("excel.file.too-many-rows", limits.maxRows()));
  }

  // ---------------------------------------------------------------------------------------------
  // opening and guarding

  private static Opened open(Path file, TemplateSpec spec, ExcelLimits limits) {
    long size;
    FileMagic magic;
    try {
      size = Files.size(file);
      if (size > limits.maxBytes()) {
        throw ApiProblem.payloadTooLarge(Msg.msg("excel.file.too-large", size, limits.maxBytes()));
      }
      try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
        magic = FileMagic.valueOf(in);
      }
    } catch (IOException e) {
      throw damaged(e);
    }
    if (magic == FileMagic.OLE2) {
      try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
        if (fs.getRoot().hasEntryCaseInsensitive("EncryptionInfo")) {
          throw ApiProblem.unprocessable(Msg.msg("excel.file.encrypted"), List.of());
        }
      } catch (IOException | RuntimeException e) {
        if (e instanceof ApiProblem p) {
          throw p;
        }
      }
      throw ApiProblem.unsupportedMediaType(Msg.msg("excel.file.xls"));
    }
    if (magic != FileMagic.OOXML) {
      throw ApiProblem.unsupportedMediaType(Msg.msg("excel.file.not-xlsx"));
    }
    OPCPackage pkg = null;
    try {
      pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
      XSSFReader reader = new XSSFReader(pkg);
      XSSFReader.SheetIterator sheets = reader.getSheetIterator();
      PackagePart data = null;
      PackagePart template = null;
      while (sheets.hasNext()) {
        sheets.next().close();
        String name = sheets.getSheetName();
        if (TemplateWriter.TEMPLATE_SHEET.equals(name)) {
          template = sheets.getSheetPart();
        } else if (data == null) {
          data = sheets.getSheetPart();
        }
      }
      if (template == null || data == null) {
        throw ApiProblem.unprocessable(Msg.msg("excel.file.not-template"), List.of());
      }
      SharedStrings strings = SharedStrings.read(pkg, limits);
      Opened o = new Opened(pkg, strings, data);
      pkg = null;
      try {
        o.checkTemplate(template, spec, limits);
        o.header = o.readHeader(spec, limits);
        return o;
      } catch (RuntimeException e) {
        o.close();
        throw e;
      }
    } catch (ApiProblem p) {
      throw p;
    } catch (Exception e) {
      throw translate(e);
    } finally {
      if (pkg != null) {
        pkg.revert();
      }
    }
  }

  /** An exception while reading the package, as the problem it stands for. */
  static ApiProblem translate(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ApiProblem p) {
        return p;
      }
      String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (m.contains("zip bomb") || m.contains("max size allowed") || m.contains("exceeds the max")
          || m.contains("max file count")) {
        return ApiProblem.unprocessable(Msg.msg("excel.file.zip-bomb"), List.of());
      }
      if (m.contains("doctype") || m.contains("entity")) {
        return ApiProblem.unprocessable(Msg.msg("excel.file.doctype"), List.of());
      }
    }
    return damaged(e);
  }

  private static ApiProblem damaged(Throwable e) {
    return ApiProblem.unprocessable(Msg.msg("excel.file.damaged"), List.of());
  }

  /** An open workbook: the package, its shared strings, the data sheet and the header's columns. */
  private static final class Opened implements AutoCloseable {
    final OPCPackage pkg;
    final SharedStrings strings;
    final PackagePart data;
    Map<Integer, Column> header;

    Opened(OPCPackage pkg, SharedStrings strings, PackagePart data) {
      this.pkg = pkg;
      this.strings = strings;
      this.data = data;
    }

    void stream(PackagePart part, ExcelLimits limits, RowSink sink) {
      try (InputStream in = part.getInputStream()) {
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(new SheetHandler(strings, limits.maxCellChars(), sink));
        xml.parse(new InputSource(in));
      } catch (StopParsing stop) {
        // the sink has what it needs
      } catch (SinkFailure f) {
        throw f.getCause(); // the consumer's own exception (a cancellation, a failed chunk): not the file's fault
      } catch (Exception e) {
        throw translate(e);
      }
    }

    void checkTemplate(PackagePart template, TemplateSpec spec, ExcelLimits limits) {
      Map<String, String> values = new HashMap<>();
      stream(template, limits, new RowSink() {
        String name;

        @Override
        public void cell(int col, Raw raw) {
          if (col == 0) {
            name = raw.text();
          } else if (col == 1 && name != null) {
            values.put(name, raw.kind() == Kind.NUMBER ? plain(raw.text()) : raw.text());
          }
        }

        @Override
        public void endRow(int rowNumber) {
          name = null;
          if (rowNumber >= 10) {
            throw new StopParsing();
          }
        }
      });
      String family = values.get("family");
      String version = values.get("version");
      if (family == null || version == null) {
        throw ApiProblem.unprocessable(Msg.msg("excel.file.not-template"), List.of());
      }
      if (!family.equals(spec.family())) {
        throw ApiProblem.unprocessable(Msg.msg("excel.file.wrong-family", shorten(family, 40), spec.family()), List.of());
      }
      if (!version.equals(String.valueOf(spec.version()))) {
        throw ApiProblem.unprocessable(Msg.msg("excel.file.wrong-version", shorten(version, 20), spec.version()), List.of());
      }
    }

    Map<Integer, Column> readHeader(TemplateSpec spec, ExcelLimits limits) {
      Map<String, Column> byName = new HashMap<>();
      for (Column c : spec.columns()) {
        byName.put(norm(c.headerZh()), c);
        byName.put(norm(c.headerEn()), c);
        byName.put(norm(c.key()), c);
      }
      Map<Integer, Column> header = new LinkedHashMap<>();
      List<String> twice = new ArrayList<>();
      stream(data, limits, new RowSink() {
        @Override
        public void cell(int col, Raw raw) {
          Column c = raw.text() == null ? null : byName.get(norm(raw.text()));
          if (c != null) {
            if (header.containsValue(c)) {
              twice.add(c.headerZh());
            }
            header.put(col, c);
          }
        }

        @Override
        public void endRow(int rowNumber) {
          throw new StopParsing();
        }
      });
      if (!twice.isEmpty()) {
        throw ApiProblem.unprocessable(Msg.msg("excel.file.duplicate-column", String.join("、", twice)), List.of());
      }
      List<String> missing = spec.columns().stream().filter(c -> c.required() && !header.containsValue(c))
          .map(c -> c.headerZh() + " (" + c.headerEn() + ")").toList();
      if (!missing.isEmpty()) {
        throw ApiProblem.unprocessable(Msg.msg("excel.file.missing-column", String.join(", ", missing)), List.of());
      }
      return header;
    }

    @Override
    public void close() {
      pkg.revert();
    }
  }

  private static String norm(String header) {
    String s = header.strip();
    while (s.endsWith("*")) {
      s = s.substring(0, s.length() - 1).strip();
    }
    return s.toLowerCase(Locale.ROOT);
  }

  static String shorten(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max) + "…";
  }

  /** A number as Excel stores it, without a needless fraction: {@code 12.0} → {@code 12}. */
  static String plain(String number) {
    try {
      return new BigDecimal(number).stripTrailingZeros().toPlainString();
    } catch (NumberFormatException e) {
      return number;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // SAX

  /** Carries an exception of the sink (the consumer of rows) through the XML parser untouched. */
  static final class SinkFailure extends RuntimeException {
    SinkFailure(RuntimeException cause) {
      super(null, cause, false, false);
    }

    @Override
    public synchronized RuntimeException getCause() {
      return (RuntimeException) super.getCause();
    }
  }

  /** Thrown by a sink to stop reading a sheet. */
  static final class StopParsing extends RuntimeException {
    StopParsing() {
      super(null, null, false, false);
    }
  }

  enum Kind { STRING, NUMBER, BOOLEAN, ERROR, FORMULA, TOO_LONG }

  /** A cell as the sheet holds it; {@code text} is null for {@link Kind#TOO_LONG}. */
  record Raw(Kind kind, String text) {}

  interface RowSink {
    void cell(int col, Raw raw);

    void endRow(int rowNumber);
  }

  private static final Pattern ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");

  /** Decodes Excel's {@code _xHHHH_} escapes of characters XML cannot carry. */
  static String unescape(String s) {
    if (s.indexOf("_x") < 0) {
      return s;
    }
    Matcher m = ESCAPE.matcher(s);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(b, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
    }
    m.appendTail(b);
    return b.toString();
  }

  /** Collects characters up to a cap; over it, only remembers that it overflowed. */
  static final class Capped {
    private final int cap;
    private final StringBuilder text = new StringBuilder();
    private boolean over;

    Capped(int cap) {
      this.cap = cap;
    }

    void reset() {
      text.setLength(0);
      over = false;
    }

    void append(char[] ch, int start, int length) {
      if (over) {
        return;
      }
      if (text.length() + length > cap) {
        over = true;
        text.setLength(0);
        return;
      }
      text.append(ch, start, length);
    }

    boolean over() {
      return over;
    }

    String text() {
      return text.toString();
    }

    int length() {
      return text.length();
    }
  }

  /** The shared strings table, each string capped; strings over the cap are kept as null. */
  static final class SharedStrings extends DefaultHandler {
    private final List<String> strings = new ArrayList<>();
    private final Capped current;
    private long total;
    private int depthInPhonetic;
    private boolean inT;
    private boolean inSi;

    private SharedStrings(int cap) {
      current = new Capped(cap);
    }

    static SharedStrings read(OPCPackage pkg, ExcelLimits limits) throws Exception {
      SharedStrings s = new SharedStrings(limits.maxCellChars());
      List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
      if (!parts.isEmpty()) {
        try (InputStream in = parts.getFirst().getInputStream()) {
          XMLReader xml = XMLHelper.newXMLReader();
          xml.setContentHandler(s);
          xml.parse(new InputSource(in));
        }
      }
      return s;
    }

    Raw get(int index) {
      if (index < 0 || index >= strings.size()) {
        return new Raw(Kind.STRING, "");
      }
      String s = strings.get(index);
      return s == null ? new Raw(Kind.TOO_LONG, null) : new Raw(Kind.STRING, s);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
      switch (localName) {
        case "si" -> {
          inSi = true;
          current.reset();
        }
        case "rPh" -> depthInPhonetic++;
        case "t" -> inT = inSi && depthInPhonetic == 0;
        default -> { }
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      switch (localName) {
        case "si" -> {
          inSi = false;
          String text = current.over() ? null : unescape(current.text());
          total += text == null ? 0 : text.length();
          if (total > MAX_SHARED_CHARS) {
            throw ApiProblem.payloadTooLarge(Msg.msg("excel.file.too-much-text", MAX_SHARED_CHARS));
          }
          strings.add(text);
        }
        case "rPh" -> depthInPhonetic--;
        case "t" -> inT = false;
        default -> { }
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (inT) {
        current.append(ch, start, length);
      }
    }
  }

  /** Turns a sheet's XML into cells and row ends. */
  static final class SheetHandler extends DefaultHandler {
    private final SharedStrings strings;
    private final RowSink sink;
    private final Capped value;
    private int row;
    private int nextCol;
    private int col;
    private String type;
    private boolean formula;
    private boolean collecting;
    private boolean inCell;
    private int phonetic;

    SheetHandler(SharedStrings strings, int cap, RowSink sink) {
      this.strings = strings;
      this.sink = sink;
      this.value = new Capped(cap);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
      switch (localName) {
        case "row" -> {
          String r = atts.getValue("r");
          row = r != null ? Integer.parseInt(r) : row + 1;
          nextCol = 0;
        }
        case "c" -> {
          inCell = true;
          String ref = atts.getValue("r");
          col = ref != null ? columnOf(ref) : nextCol;
          nextCol = col + 1;
          type = atts.getValue("t");
          formula = false;
          value.reset();
        }
        case "f" -> formula |= inCell;
        case "v" -> collecting = inCell;
        case "rPh" -> phonetic++;
        case "t" -> collecting = inCell && phonetic == 0;
        default -> { }
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      switch (localName) {
        case "v", "t" -> collecting = false;
        case "rPh" -> phonetic--;
        case "c" -> {
          inCell = false;
          Raw raw = raw();
          if (raw != null) {
            guarded(() -> sink.cell(col, raw));
          }
        }
        case "row" -> guarded(() -> sink.endRow(row));
        default -> { }
      }
    }

    private static void guarded(Runnable call) {
      try {
        call.run();
      } catch (StopParsing | ApiProblem | SinkFailure e) {
        throw e;
      } catch (RuntimeException e) {
        throw new SinkFailure(e);
      }
    }

    private Raw raw() {
      if (formula) {
        return new Raw(Kind.FORMULA, null);
      }
      if (value.over()) {
        return new Raw(Kind.TOO_LONG, null);
      }
      if (value.length() == 0 && !"inlineStr".equals(type)) {
        return null;
      }
      String text = value.text();
      if (type == null || "n".equals(type)) {
        return new Raw(Kind.NUMBER, text);
      }
      return switch (type) {
        case "s" -> {
          try {
            yield strings.get(Integer.parseInt(text.strip()));
          } catch (NumberFormatException e) {
            yield new Raw(Kind.ERROR, text);
          }
        }
        case "inlineStr", "str" -> text.isEmpty() ? null : new Raw(Kind.STRING, unescape(text));
        case "b" -> new Raw(Kind.BOOLEAN, text);
        case "e" -> new Raw(Kind.ERROR, text);
        case "d" -> new Raw(Kind.STRING, text);
        default -> new Raw(Kind.STRING, text);
      };
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (collecting) {
        value.append(ch, start, length);
      }
    }

    static int columnOf(String ref) {
      int col = 0;
      for (int i = 0; i < ref.length(); i++) {
        char c = ref.charAt(i);
        if (c < 'A' || c > 'Z') {
          break;
        }
        col = col * 26 + (c - 'A' + 1);
      }
      return col - 1;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // conversion

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-M-d");
  private static final DateTimeFormatter DATE_SLASH = DateTimeFormatter.ofPattern("uuuu/M/d");
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-M-d H:mm[:ss]");
  private static final DateTimeFormatter DATE_TIME_SLASH = DateTimeFormatter.ofPattern("uuuu/M/d H:mm[:ss]");

  /** Converts raw cells to a row of typed values, per the template's columns. */
  static final class Converter {
    private final TemplateSpec spec;
    private final Map<Integer, Column> header;
    private final ExcelLimits limits;
    private final Map<String, Object> example = new HashMap<>();

    Converter(TemplateSpec spec, Map<Integer, Column> header, ExcelLimits limits) {
      this.spec = spec;
      this.header = header;
      this.limits = limits;
      for (Column c : spec.columns()) {
        if (c.example() != null) {
          example.put(c.key(), c.example() instanceof Number n && c.type() == ColumnType.INTEGER ? n.longValue() : c.example());
        }
      }
    }

    /** Whether the row is the template's example row, unchanged. */
    boolean isExample(ImportRow row) {
      return !example.isEmpty() && row.readable() && row.values().equals(example);
    }

    /** The row, or null if every cell is blank. */
    ImportRow convert(int rowNumber, Map<Integer, Raw> cells) {
      Map<String, Object> values = new LinkedHashMap<>();
      Map<String, String> texts = new LinkedHashMap<>();
      Map<String, Msg> errors = new LinkedHashMap<>();
      for (Map.Entry<Integer, Column> e : header.entrySet()) {
        Column c = e.getValue();
        Raw raw = cells.get(e.getKey());
        if (raw == null) {
          continue;
        }
        switch (raw.kind()) {
          case FORMULA -> {
            errors.put(c.key(), Msg.msg("excel.cell.formula"));
            texts.put(c.key(), "=…");
          }
          case TOO_LONG -> {
            errors.put(c.key(), Msg.msg("excel.cell.too-long", limits.maxCellChars()));
            texts.put(c.key(), "…");
          }
          case ERROR -> {
            errors.put(c.key(), Msg.msg("excel.cell.error", shorten(raw.text(), 20)));
            texts.put(c.key(), shorten(raw.text(), 20));
          }
          default -> {
            String text = raw.kind() == Kind.NUMBER ? plain(raw.text()) : raw.text().strip();
            if (text.isEmpty()) {
              continue;
            }
            texts.put(c.key(), shorten(text, TEXT_KEPT));
            if (hasControl(text)) {
              errors.put(c.key(), Msg.msg("excel.cell.control"));
              texts.put(c.key(), shorten(text.replaceAll("\\p{Cntrl}", "?"), TEXT_KEPT));
              continue;
            }
            try {
              values.put(c.key(), convert(c, raw, text));
            } catch (Refused r) {
              errors.put(c.key(), r.msg);
            }
          }
        }
      }
      if (values.isEmpty() && errors.isEmpty()) {
        return null;
      }
      for (Column c : spec.columns()) {
        if (c.required() && !values.containsKey(c.key()) && !errors.containsKey(c.key())) {
          errors.put(c.key(), Msg.msg("excel.cell.required"));
        }
      }
      return new ImportRow(rowNumber, values, texts, errors, List.of());
    }

    private Object convert(Column c, Raw raw, String text) {
      return switch (c.type()) {
        case TEXT -> {
          if (c.maxLength() > 0 && text.length() > c.maxLength()) {
            throw new Refused(Msg.msg("excel.cell.max-length", c.maxLength(), text.length()));
          }
          yield text;
        }
        case INTEGER -> {
          try {
            yield new BigDecimal(text).longValueExact();
          } catch (ArithmeticException | NumberFormatException e) {
            throw new Refused(Msg.msg("excel.cell.integer", shorten(text, 40)));
          }
        }
        case DATE -> {
          if (raw.kind() == Kind.NUMBER) {
            yield serial(text, c).toLocalDate();
          }
          try {
            yield LocalDate.parse(text, text.contains("/") ? DATE_SLASH : DATE);
          } catch (DateTimeParseException e) {
            throw new Refused(Msg.msg("excel.cell.date", shorten(text, 40)));
          }
        }
        case DATETIME -> {
          if (raw.kind() == Kind.NUMBER) {
            yield serial(text, c).withNano(0);
          }
          try {
            String t = text.replace('T', ' ');
            yield LocalDateTime.parse(t, t.contains("/") ? DATE_TIME_SLASH : DATE_TIME);
          } catch (DateTimeParseException e) {
            throw new Refused(Msg.msg("excel.cell.datetime", shorten(text, 40)));
          }
        }
        case BOOLEAN -> switch (text.toLowerCase(Locale.ROOT)) {
          case "是", "yes", "y", "true", "1", "√" -> Boolean.TRUE;
          case "否", "no", "n", "false", "0", "×" -> Boolean.FALSE;
          default -> throw new Refused(Msg.msg("excel.cell.boolean", shorten(text, 40)));
        };
        case ENUM -> c.values().stream()
            .filter(v -> v.code().equalsIgnoreCase(text) || v.labelZh().equals(text) || v.labelEn().equalsIgnoreCase(text))
            .findFirst().map(EnumValue::code)
            .orElseThrow(() -> new Refused(Msg.msg("excel.cell.enum", shorten(text, 40),
                String.join("、", c.values().stream().map(EnumValue::labelZh).toList()),
                String.join(", ", c.values().stream().map(EnumValue::labelEn).toList()))));
      };
    }

    private static LocalDateTime serial(String text, Column c) {
      try {
        double d = Double.parseDouble(text);
        if (d < 1 || d > 2958465) {
          throw new NumberFormatException();
        }
        LocalDateTime t = DateUtil.getLocalDateTime(d, false, true);
        return Objects.requireNonNull(t);
      } catch (RuntimeException e) {
        throw new Refused(Msg.msg(c.type() == ColumnType.DATE ? "excel.cell.date" : "excel.cell.datetime", shorten(text, 40)));
      }
    }

    private static boolean hasControl(String s) {
      for (int i = 0; i < s.length(); i++) {
        char ch = s.charAt(i);
        if ((ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') || (ch >= 0x7f && ch <= 0x9f)) {
          return true;
        }
      }
      return false;
    }
  }

  private static final class Refused extends RuntimeException {
    final Msg msg;

    Refused(Msg msg) {
      super(null, null, false, false);
      this.msg = msg;
    }
  }
}
