import PrepCore
import Testing

/// Issue #13, bug 4: the typed-answer check counted the question's own words and stop words
/// as matches ("node, nvidia, com, gpu"; "Data, against"), missed figures written another way
/// (400 vs 403, 1.7K vs 1,736), and judged behavioral stories by overlap with the model story.
@Suite struct RubricCheckTests {
    // The question and key points of k8sml-gpu-request-and-node-pools.
    let question = "How does a pod request an NVIDIA GPU on Kubernetes, and how do you keep non-GPU pods off your GPU nodes?"
    let points = [
        "NVIDIA device plugin (a DaemonSet) registers nvidia.com/gpu with the kubelet; it appears in node capacity/allocatable",
        "Request GPUs in resources.limits; requests default to the limit and must equal it if both are set",
        "Extended resources are integers and never overcommitted: no 0.5 GPU without MIG, time-slicing, MPS or DRA",
        "Taint GPU nodes (e.g. nvidia.com/gpu=present:NoSchedule) so only pods with a matching toleration can land there",
        "A toleration only permits; nodeAffinity on GFD labels like nvidia.com/gpu.product picks the GPU model",
        "ExtendedResourceToleration admission plugin auto-adds the toleration to pods that request nvidia.com/gpu",
    ]

    @Test func echoingTheQuestionCoversNothing() {
        let echo = "A pod requests an NVIDIA GPU on Kubernetes nodes; you keep non-GPU pods off the GPU nodes. nvidia.com gpu node pod."
        let matches = Rubric.match(answer: echo, keyPoints: points, question: question)
        #expect(matches.filter(\.covered).isEmpty, "\(matches.filter(\.covered).map(\.keyPoint))")
        let taint = matches[3]
        #expect(taint.ignored.contains("GPU") && taint.ignored.contains("nodes"), "the question's words are named as not counted: \(taint.ignored)")
        #expect(!taint.matched.contains("nvidia") && !taint.matched.contains("com"))
    }

    @Test func aGoodAnswerInOtherWordsCoversMostPoints() {
        let answer = """
            The NVIDIA device plugin runs as a DaemonSet and registers the extended resource with the kubelet, so it shows up \
            in the node's allocatable. You put the count in limits; requests default to the limit and have to equal it. It is an \
            integer, never overcommitted, so sharing one needs MIG or time-slicing or MPS. I taint the GPU pool with NoSchedule so \
            only pods that tolerate it can land, and use nodeAffinity on the GFD product label to pick the model, since a \
            toleration only permits. The ExtendedResourceToleration admission plugin adds the toleration automatically.
            """
        let matches = Rubric.match(answer: answer, keyPoints: points, question: question)
        let covered = matches.filter(\.covered).count
        #expect(covered >= 5, "\(covered) of 6: \(matches.filter { !$0.covered }.map { "\($0.keyPoint) missing \($0.missing)" })")
        #expect(Rubric.suggestedRating(covered: covered, total: points.count) == .good)
    }

    @Test func stopWordsAndBoilerplateDoNotCount() {
        let matches = Rubric.match(answer: "data against all of it", keyPoints: ["Validate data against the schema before training"])
        #expect(matches[0].matched.isEmpty && !matches[0].covered)
    }

    @Test func figuresMatchWithinFivePercent() {
        let points = ["About 400 GPUs for 30 days", "1.7K tokens per second per replica", "KV cache of 80GB"]
        let close = Rubric.match(answer: "roughly 403 GPUs over a month, 30 days; 1,736 tokens/s each; the cache needs 82 GB", keyPoints: points)
        #expect(close[0].covered && close[0].matched.contains("403 ≈ 400"), "\(close[0])")
        #expect(close[1].matched.contains("1,736 ≈ 1.7K"), "\(close[1])")
        #expect(close[2].matched.contains("82 ≈ 80"), "\(close[2])")
        let far = Rubric.match(answer: "500 GPUs, 2,400 tokens per second, 120 GB", keyPoints: points)
        #expect(!far[0].matched.contains { $0.contains("≈") } && far[0].missing.contains("400"))
        #expect(AnswerNumbers.extract("H100s in k8s: 8 of them, 1.5M tokens, 32k context").map(\.value) == [8, 1_500_000, 32_000])
    }

    @Test func aStoryIsJudgedOnItsOwnParts() {
        let story = """
            Last year I was the on-call lead for our model-serving platform when p99 latency doubled after a release. \
            I rolled back the release, I bisected the change to a tokenizer upgrade and I added a latency gate to the canary. \
            As a result p99 went from 900 ms back to 410 ms and we had no repeat in six months. I learned to gate releases on \
            the metrics users feel.
            """
        let matches = StoryRubric.match(answer: story)
        #expect(matches.count == StoryRubric.points.count)
        let uncovered = matches.filter { !$0.covered }.map { "\($0.keyPoint): \($0.missing)" }
        #expect(uncovered.isEmpty, "\(uncovered)")
        let vague = StoryRubric.match(answer: "We worked hard as a team and we fixed the problem together. We were happy.")
        #expect(!vague[1].covered && vague[1].missing.first?.hasPrefix("fewer than two things you did") == true)
        #expect(!vague[3].covered && !vague[4].covered)
    }
}
