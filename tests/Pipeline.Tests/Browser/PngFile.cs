using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Pipeline.Tests.Browser;

/// <summary>
/// Just enough PNG reading to check a screenshot: the signature, the IHDR size and the top-left pixel. The
/// first pixel of the first row is stored unfiltered by every PNG filter type, so no unfiltering is needed.
/// </summary>
internal sealed record PngFile(int Width, int Height, int BitDepth, int ColorType, byte[] Bytes)
{
    public static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static PngFile Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.AsSpan().StartsWith(Signature), $"{path} does not start with the PNG signature");
        Assert.Equal("IHDR", Encoding.ASCII.GetString(bytes, 12, 4));
        return new PngFile(
            BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)),
            BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)),
            bytes[24],
            bytes[25],
            bytes);
    }

    /// <summary>The (R, G, B) of the top-left pixel, for 8-bit RGB or RGBA images.</summary>
    public (byte R, byte G, byte B) TopLeftPixel()
    {
        Assert.Equal(8, BitDepth);
        Assert.True(ColorType is 2 or 6, $"unexpected PNG colour type {ColorType}");
        using var idat = new MemoryStream();
        for (var at = 8; at < Bytes.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(Bytes.AsSpan(at));
            if (Encoding.ASCII.GetString(Bytes, at + 4, 4) == "IDAT")
            {
                idat.Write(Bytes, at + 8, length);
            }

            at += 12 + length;
        }

        idat.Position = 0;
        using var inflate = new ZLibStream(idat, CompressionMode.Decompress);
        var first = new byte[4];
        inflate.ReadExactly(first);
        return (first[1], first[2], first[3]);
    }
}
