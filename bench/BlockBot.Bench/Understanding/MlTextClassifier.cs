using BlockBot.Conversation.Understanding;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace BlockBot.Bench.Understanding;

/// <summary>
/// An ML.NET multiclass classifier trained on the questions file's examples, each labelled with its entry's id (the
/// out-of-scope entry is a class like any other). Not thread-safe, like the PredictionEngine inside it.
/// </summary>
public sealed class MlTextClassifier : ITopicRanker
{
    private readonly PredictionEngine<TextExample, ClassScores> _engine;
    private readonly string[] _labels;
    private readonly CustomerStems? _stems;
    private readonly TextExample _input = new();
    private ClassScores _output = new();

    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly DataViewSchema _inputSchema;

    private MlTextClassifier(MLContext ml, ITransformer model, DataViewSchema inputSchema, bool useStems)
    {
        _ml = ml;
        _model = model;
        _inputSchema = inputSchema;
        var labels = default(VBuffer<ReadOnlyMemory<char>>);
        model.GetOutputSchema(inputSchema)["Label"].GetKeyValues(ref labels);
        _labels = labels.DenseValues().Select(l => l.ToString()).ToArray();
        _engine = ml.Model.CreatePredictionEngine<TextExample, ClassScores>(model);
        _stems = useStems ? new CustomerStems() : null;
    }

    public static MlTextClassifier Train(MlVariant variant, IReadOnlyList<(string Text, string Label)> examples)
    {
        using var stems = new CustomerStems();
        var rows = examples.Select(e => new TextExample { Text = e.Text, Stems = variant.UseStems ? stems.Of(e.Text) : "", Label = e.Label }).ToList();
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(rows);
        return new MlTextClassifier(ml, Pipeline(ml, variant).Fit(data), data.Schema, variant.UseStems);
    }

    /// <summary>A model saved by <see cref="Save"/>, as a program would start from one trained before it.</summary>
    public static MlTextClassifier Load(MlVariant variant, Stream saved)
    {
        var ml = new MLContext(seed: 1);
        var model = ml.Model.Load(saved, out var inputSchema);
        return new MlTextClassifier(ml, model, inputSchema, variant.UseStems);
    }

    public void Save(Stream stream) => _ml.Model.Save(_model, _inputSchema, stream);

    /// <summary>The examples of the questions file as training rows.</summary>
    public static IReadOnlyList<(string Text, string Label)> ExamplesOf(IEnumerable<QuestionEntry> entries) =>
        entries.SelectMany(e => e.Examples.Select(x => (x.Text, e.Id))).ToList();

    public RankedClasses Rank(string message)
    {
        _input.Text = message;
        _input.Stems = _stems?.Of(message) ?? "";
        _engine.Predict(_input, ref _output);
        var scores = _output.Score;
        int top = 0, second = -1;
        for (var i = 1; i < scores.Length; i++)
        {
            if (scores[i] > scores[top])
            {
                second = top;
                top = i;
            }
            else if (second < 0 || scores[i] > scores[second])
            {
                second = i;
            }
        }

        return second < 0
            ? new RankedClasses(_labels[top], scores[top], "", 0)
            : new RankedClasses(_labels[top], scores[top], _labels[second], scores[second]);
    }

    public void Dispose()
    {
        _engine.Dispose();
        _stems?.Dispose();
    }

    private static IEstimator<ITransformer> Pipeline(MLContext ml, MlVariant variant)
    {
        var text = ml.Transforms.Text;
        var words = variant.UseStems ? nameof(TextExample.Stems) : "Normalized";
        IEstimator<ITransformer> features = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(text.NormalizeText("Normalized", nameof(TextExample.Text), TextNormalizingEstimator.CaseMode.Lower,
                keepDiacritics: false, keepPunctuations: false, keepNumbers: true))
            .Append(text.TokenizeIntoWords("Words", words))
            .Append(ml.Transforms.Conversion.MapValueToKey("WordKeys", "Words"))
            .Append(text.ProduceNgrams("WordGrams", "WordKeys", ngramLength: 2, useAllLengths: true))
            .Append(ml.Transforms.NormalizeLpNorm("WordGrams"))
            .Append(text.TokenizeIntoCharactersAsKeys("Chars", "Normalized"))
            .Append(text.ProduceNgrams("Char3", "Chars", ngramLength: 3, useAllLengths: false))
            .Append(text.ProduceNgrams("Char4", "Chars", ngramLength: 4, useAllLengths: false))
            .Append(text.ProduceNgrams("Char5", "Chars", ngramLength: 5, useAllLengths: false))
            .Append(ml.Transforms.Concatenate("CharGrams", "Char3", "Char4", "Char5"))
            .Append(ml.Transforms.NormalizeLpNorm("CharGrams"))
            .Append(ml.Transforms.Concatenate("Features", "WordGrams", "CharGrams"));

        // One thread: the same model every run, and this machine's cores are shared.
        return features.Append<ITransformer>(variant.Trainer switch
        {
            MlTrainer.SdcaMaximumEntropy => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(
                new SdcaMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = 1 }),
            MlTrainer.LbfgsMaximumEntropy => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(
                new LbfgsMaximumEntropyMulticlassTrainer.Options
                {
                    NumberOfThreads = 1,
                    L1Regularization = 0,
                    L2Regularization = variant.L2Regularization,
                }),
            _ => throw new ArgumentOutOfRangeException(nameof(variant)),
        });
    }
}
