using System.Text;
using DocGen.Model;

namespace DocGen.Tests.Fingerprints;

/// <summary>Our SHA-256 must give the standard digest: the PDF IDs, subset tags and template folder names depend on it.</summary>
public class Sha256Tests
{
    [Fact]
    public void The_standard_test_vectors()
    {
        Assert.Equal("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD", Convert.ToHexString(Sha256.Hash("abc"u8)));
        Assert.Equal("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855", Convert.ToHexString(Sha256.Hash([])));
        Assert.Equal("248D6A61D20638B8E5C026930C3E6039A33CE45964FF2167F6ECEDD419DB06C1",
            Convert.ToHexString(Sha256.Hash(Encoding.ASCII.GetBytes("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))));
    }

    [Fact]
    public void Every_length_around_the_block_and_padding_edges_matches_the_platform_and_appending_in_pieces_changes_nothing()
    {
        var random = new Random(7);
        foreach (int length in Enumerable.Range(0, 200).Concat([1000, 4096, 100_003]))
        {
            var data = new byte[length];
            random.NextBytes(data);
            var expected = System.Security.Cryptography.SHA256.HashData(data);
            Assert.Equal(expected, Sha256.Hash(data));
            var pieces = new Sha256();
            for (int at = 0; at < length;)
            {
                int n = Math.Min(random.Next(1, 90), length - at);
                pieces.Append(data.AsSpan(at, n));
                at += n;
            }
            Assert.Equal(expected, pieces.Finish());
        }
    }
}
