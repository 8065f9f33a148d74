namespace SearchService.Tests.Api;

/// <summary>A tiny corpus the API tests own, so their assertions do not depend on the shipped sample.</summary>
public static class SampleNotes
{
    public const string Parrots = """
        https://arxiv.org/abs/2410.19034

        *Mixture of Parrots: Experts improve memorization more than reasoning* (Samy Jelassi, Clara Mohri, Sham M. Kakade, Eran Malach)

        > The Mixture-of-Experts architecture enables a large increase in parameters with little extra compute.

        MoE가 지식의 기억에는 효율적이지만 추론 능력에는 그렇지 않다는 결과.

        <english>
        MoE is efficient for memorizing knowledge but not for reasoning.
        </english>

        #moe #long-context
        """;

    public const string MarDini = """
        https://arxiv.org/abs/2410.20280

        *MarDini: Masked Autoregressive Diffusion for Video Generation at Scale* (Haozhe Liu, Juan C. Pérez, Jürgen Schmidhuber, Juan-Manuel Pérez-Rúa)

        > We introduce MarDini, a family of video diffusion models.

        저해상도에서는 Masked Autoregression, 고해상도에서는 Diffusion을 결합한 비디오 생성 모델.

        #video-generation #diffusion #long_context
        """;

    public const string Muon = """
        https://arxiv.org/abs/2502.16982

        *Muon is Scalable for LLM Training* (Jingyuan Liu, Jianlin Su, Alberto Muñoz)

        > Muon optimizer based on matrix orthogonalization scales to large language models.

        Muon 옵티마이저를 대규모 학습에 적용. Weight decay와 업데이트 스케일 조정이 핵심.

        #optimizer
        """;

    public const string Digest = """
        2024년 10월 29일
        Generator Matching: Generative modeling with arbitrary Markov processes
        (Peter Holderrieth, Marton Havasi, Yaron Lipman)
        We introduce generator matching, a framework for generative modeling using arbitrary Markov processes.
        임의 마르코프 과정에 대한 생성 모형. Flow Matching과 Diffusion을 통합합니다.
        A generative model using arbitrary Markov processes that unifies flow matching and diffusion.
        #generative-model #diffusion
        ThunderKittens: Simple, Fast, and Adorable AI Kernels
        (Benjamin F. Spector, Simran Arora, Christopher Ré)
        A framework for writing fast AI kernels with a few key abstractions over GPU tiles.
        GPU 커널 작성을 위한 간단한 추상화.
        Simple abstractions for writing GPU kernels.
        #efficiency
        """;

    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>
    {
        ["2024/241025 Mixture of Parrots.md"] = Parrots,
        ["2024/241028 MarDini.md"] = MarDini,
        ["2025/250224 Muon is Scalable for LLM Training.md"] = Muon,
        ["digests/2024-10-29.txt"] = Digest,
    };
}
