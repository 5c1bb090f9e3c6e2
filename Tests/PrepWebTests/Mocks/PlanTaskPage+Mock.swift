@testable import PrepApp
@testable import PrepStore
@testable import PrepWeb

extension PlanTaskPageModel {
    static let itemTitles = [MockContent.configMaps.id: MockContent.configMaps.title, MockContent.rbac.id: MockContent.rbac.title]

    /// A task split over two days, no notes yet.
    static let mock = PlanTaskPageModel.make(parts: [MockContent.entries[2], MockContent.entries[3]], today: MockContent.today, itemTitles: itemTitles)

    static let notes = """
        ## What worked

        Ran `kubectl describe pod vllm-0 -n serving`: it waited for `nvidia.com/gpu`.

        ```bash
        kubectl get nodes -L nvidia.com/gpu.product
        ```

        See [the scheduling docs](https://kubernetes.io/docs/concepts/scheduling-eviction/).
        """

    /// Notes just saved: rendered through the allowlist, and in the textarea to edit.
    static let withNotes: PlanTaskPageModel = {
        var first = MockContent.entries[2]
        first.progress = TaskProgress(taskID: first.task.id, done: nil, movedTo: nil, notes: notes)
        return .make(parts: [first, MockContent.entries[3]], today: MockContent.today, itemTitles: itemTitles, saved: true)
    }()

    /// Notes refused as too long: the draft comes back with the reason.
    static let refusedNotes = PlanTaskPageModel.make(
        parts: [MockContent.entries[1]], today: MockContent.today, itemTitles: [MockContent.nvidiaSMI.id: MockContent.nvidiaSMI.title],
        draft: "Xid 79 on node gpu-07 again", error: "Notes are limited to 20000 characters; these have 20001. Shorten them or keep the rest in a file.")
}
