using System.Globalization;
using System.Text.Json;
using Parley.Pipeline;
using Parley.Pipeline.Consolidation;
using Parley.Pipeline.Dictionaries;

namespace Parley.Api;

/// <summary>Codes single sentences (or short texts) without storing anything: the `code` command and evaluations.</summary>
public sealed class SentenceCoder
{
    private readonly DictionarySet _dict;
    private readonly Pipeline.Pipeline _pipeline;

    /// <summary>Creates a coder over <paramref name="dictionaries"/>.</summary>
    public SentenceCoder(DictionarySet dictionaries)
    {
        _dict = dictionaries;
        _pipeline = PipelineBuilder.Default(dictionaries);
    }

    /// <summary>The annotated and coded document for <paramref name="text"/> published on <paramref name="date"/>.</summary>
    public Document Code(string id, string text, DateOnly? date)
    {
        var article = new Article
        {
            Id = id,
            CaptureId = id,
            Source = "input",
            Body = text,
            Published = date is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
        };
        return _pipeline.Run(article, new Diagnostics());
    }

    /// <summary>One JSON line: the input id and its events with actors, codes, date, modality and evidence.</summary>
    public string CodeToJson(string id, string text, DateOnly? date)
    {
        var doc = Code(id, text, date);
        return EventJson.ToJson(w =>
        {
            w.WriteStartObject();
            w.WriteString("id", id);
            w.WriteStartArray("events");
            foreach (var m in doc.Events)
            {
                var c = _dict.Cameo.Get(m.Cameo);
                w.WriteStartObject();
                EventJson.WriteActor(w, "source", m.Source);
                EventJson.WriteActor(w, "target", m.Target);
                w.WriteString("cameo", c.Code);
                w.WriteString("cameo_root", c.Root);
                w.WriteNumber("quad_class", (int)c.Quad);
                w.WriteNumber("goldstein", c.Goldstein);
                w.WriteString("plover", c.Plover);
                w.WriteString("plover_mode", c.PloverMode);
                if (m.Date is { } d) w.WriteString("date", d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); else w.WriteNull("date");
                w.WriteString("date_basis", m.DateBasis);
                w.WriteString("modality", m.Modality.ToString().ToLowerInvariant());
                if (m.Location is null) w.WriteNull("location"); else w.WriteString("location", m.Location);
                w.WriteString("evidence", m.Evidence.TextOf(doc.Text));
                w.WriteNumber("start", m.Evidence.Start);
                w.WriteNumber("end", m.Evidence.End);
                w.WriteNumber("confidence", m.Confidence);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>Reads `{"id","text","date"}` lines; a bad line is reported (PAR106) and skipped.</summary>
    public static IEnumerable<(string Id, string Text, DateOnly? Date)> ReadInput(string path, Diagnostics diagnostics)
    {
        int lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            (string, string, DateOnly?)? item = null;
            try
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                string id = root.TryGetProperty("id", out var i) ? i.ToString() : lineNo.ToString(CultureInfo.InvariantCulture);
                string text = root.GetProperty("text").GetString() ?? "";
                DateOnly? date = null;
                if (root.TryGetProperty("date", out var d) && d.GetString() is { Length: >= 8 } ds)
                    date = ds.Length == 8 ? DateOnly.ParseExact(ds, "yyyyMMdd", CultureInfo.InvariantCulture) : DateOnly.ParseExact(ds[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);
                item = (id, text, date);
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
            {
                diagnostics.Report(DiagnosticCodes.BadJsonLine, Severity.Error, path, lineNo, $"line {lineNo} is not {{\"id\",\"text\",\"date\"}}: {ex.Message}");
            }
            if (item is { } it) yield return it;
        }
    }
}
