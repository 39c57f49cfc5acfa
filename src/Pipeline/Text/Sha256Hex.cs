using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Text;

/// <summary>The project's one hashing helper: SHA-256 as lower-case hex, of bytes, text (UTF-8), a stream or a file.</summary>
public static class Sha256Hex
{
    /// <summary>Hex digest of <paramref name="bytes"/>.</summary>
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Hex digest of <paramref name="text"/>'s UTF-8 bytes.</summary>
    public static string Of(string text) => Of(Encoding.UTF8.GetBytes(text));

    /// <summary>Hex digest of the rest of <paramref name="stream"/>.</summary>
    public static string Of(Stream stream) => Convert.ToHexStringLower(SHA256.HashData(stream));

    /// <summary>Hex digest of a file's bytes.</summary>
    public static string OfFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Of(stream);
    }
}
