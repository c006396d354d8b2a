namespace RealGuard.DevHost;

/// <summary>Writes <c>[part] line</c>, the prefix in one colour per part when stdout is a terminal.</summary>
public sealed class ConsoleStackOutput : IStackOutput
{
    private const string RunnerName = "devhost";
    private const string Reset = "\e[0m";
    private static readonly string[] Palette = ["\e[36m", "\e[35m", "\e[33m", "\e[32m", "\e[34m", "\e[96m", "\e[95m", "\e[93m"];

    private readonly Dictionary<string, string> colours = [];
    private readonly int width;
    private readonly bool useColour =
        !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null or "";

    public ConsoleStackOutput(IEnumerable<string> partNames)
    {
        var names = partNames.Append(RunnerName).ToList();
        width = names.Max(name => name.Length) + 2;
        foreach (var name in names.SkipLast(1))
        {
            colours[name] = Palette[colours.Count % Palette.Length];
        }

        colours[RunnerName] = "\e[1m";
    }

    public void PartLine(string part, string line) => Write(part, line);

    public void Status(string message)
    {
        foreach (var line in message.Split('\n'))
        {
            Write(RunnerName, line.TrimEnd('\r'));
        }
    }

    private void Write(string source, string line)
    {
        var prefix = $"[{source}]".PadRight(width);
        var text = useColour ? $"{colours.GetValueOrDefault(source, "")}{prefix}{Reset} {line}" : $"{prefix} {line}";
        lock (colours)
        {
            Console.Out.WriteLine(text);
        }
    }
}
