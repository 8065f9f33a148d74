using SearchService.Core.Semantic;

namespace SearchService.Tests.Semantic;

public sealed class QuantizedRowsTests
{
    [Fact]
    public void AnApproximateScoreIsWithinItsRowsErrorOfTheExactOne()
    {
        const int Dimensions = 384;
        var random = new Random(3);
        var rows = new QuantizedRows(Dimensions);
        // Unit vectors with a few large dimensions, as the models' vectors have, calibrated on as an index does it.
        var vectors = Enumerable.Range(0, 300).Select(_ => Unit(random, Dimensions, largeDimensions: 3)).ToArray();
        for (var slot = 0; slot < vectors.Length; slot++) rows.Set(slot, vectors[slot]);
        rows.CalibrateIfGrown(vectors.SelectMany(v => v).ToArray(), vectors.Length);

        for (var q = 0; q < 20; q++)
        {
            var query = Unit(random, Dimensions);
            var prepared = rows.Prepare(query);
            for (var slot = 0; slot < vectors.Length; slot++)
            {
                var exact = vectors[slot].Zip(query, (a, b) => (double)a * b).Sum();
                var bound = rows.Error(slot) + prepared.Error + 1e-5;
                Assert.InRange(rows.Approximate(slot, prepared), exact - bound, exact + bound);
                // The bound is not idle: the byte form really is close, a small fraction of a typical score.
                Assert.InRange(rows.Error(slot), 0, 0.01);
                Assert.InRange(prepared.Error, 0, 1e-3);
            }
        }
    }

    [Fact]
    public void TheWideDotProductAddsWhatAPlainLoopAdds()
    {
        var random = new Random(5);
        foreach (var length in new[] { 3, 32, 33, 384, 390 })
        {
            var query = Enumerable.Range(0, length).Select(_ => (short)random.Next(-20_000, 20_000)).ToArray();
            var codes = Enumerable.Range(0, length).Select(_ => (sbyte)random.Next(-127, 128)).ToArray();

            var expected = query.Zip(codes, (q, c) => q * c).Sum();

            Assert.Equal(expected, QuantizedRows.Dot(query, codes));
        }
    }

    [Fact]
    public void AMovedRowScoresAsTheOriginalDid()
    {
        var random = new Random(9);
        var rows = new QuantizedRows(32);
        var first = Unit(random, 32);
        rows.Set(0, first);
        rows.Set(1, Unit(random, 32));
        var query = Unit(random, 32);
        var before = rows.Approximate(0, rows.Prepare(query));

        rows.Move(0, 1);

        Assert.Equal(before, rows.Approximate(1, rows.Prepare(query)));
        Assert.Equal(rows.Error(0), rows.Error(1));
    }

    [Fact]
    public void CalibratingOnTheRowsShrinksTheirErrorAndKeepsTheBound()
    {
        const int Dimensions = 384;
        var random = new Random(13);
        var vectors = Enumerable.Range(0, 200).Select(_ => Unit(random, Dimensions, largeDimensions: 3)).ToArray();
        var rows = new QuantizedRows(Dimensions);
        for (var slot = 0; slot < vectors.Length; slot++) rows.Set(slot, vectors[slot]);
        var before = Enumerable.Range(0, vectors.Length).Average(rows.Error);

        rows.CalibrateIfGrown(vectors.SelectMany(v => v).ToArray(), vectors.Length);

        Assert.True(Enumerable.Range(0, vectors.Length).Average(rows.Error) < before / 2);
    }

    private static float[] Unit(Random random, int dimensions, int largeDimensions = 0)
    {
        var vector = Enumerable.Range(0, dimensions).Select(i => (float)(random.NextDouble() * 2 - 1) * (i < largeDimensions ? 8 : 1)).ToArray();
        var norm = MathF.Sqrt(vector.Sum(x => x * x));
        return vector.Select(x => x / norm).ToArray();
    }
}
