namespace Parley.Pipeline.Dictionaries;

/// <summary>
/// Reads the project's dictionary files: UTF-8, tab-separated, '#' starts a comment line, the
/// first other line names the columns. Multi-valued cells separate values with '|'.
/// </summary>
public static class TsvFile
{
    /// <summary>One data row: its cells by column name, and its line number for messages.</summary>
    public readonly record struct Row(IReadOnlyDictionary<string, int> Columns, string[] Cells, int Line)
    {
        /// <summary>The cell of column <paramref name="name"/>, trimmed; empty when absent.</summary>
        public string this[string name] =>
            Columns.TryGetValue(name, out var i) && i < Cells.Length ? Cells[i].Trim() : "";

        /// <summary>The '|'-separated values of column <paramref name="name"/>.</summary>
        public IEnumerable<string> List(string name) =>
            this[name].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>Reads every data row of <paramref name="reader"/>.</summary>
    public static IEnumerable<Row> Read(TextReader reader)
    {
        Dictionary<string, int>? columns = null;
        int lineNo = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#' || string.IsNullOrWhiteSpace(line)) continue;
            var cells = line.Split('\t');
            if (columns is null)
            {
                columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                for (int i = 0; i < cells.Length; i++) columns[cells[i].Trim()] = i;
                continue;
            }
            yield return new Row(columns, cells, lineNo);
        }
    }

    /// <summary>Parses an ISO date cell; null when empty or malformed.</summary>
    public static DateOnly? Date(string cell) =>
        DateOnly.TryParseExact(cell, "yyyy-MM-dd", out var d) ? d : null;
}
