using DockerApiGen.Generator.Availability;
using DockerApiGen.Generator.Model;
using DockerApiGen.Generator.Specs;
using DockerApiGen.Generator.Tests.Support;
using static DockerApiGen.Generator.Tests.Availability.GadgetSpecs;

namespace DockerApiGen.Generator.Tests.Availability;

/// <summary>The availability history of the gadget fixture: each rule of <see cref="MemberKey"/>, <see cref="TypeLineage"/> and <see cref="ApiHistory"/>.</summary>
public sealed class ApiHistoryTests
{
    private static OperationModel Operation(ApiModel model, string id) => model.Operations.Single(o => o.OperationId == id);

    private static ParameterModel Parameter(ApiModel model, string operation, string name) => Operation(model, operation).Parameters.Single(p => p.WireName == name);

    [Fact]
    public async Task A_property_added_later_is_marked_since_that_version_and_older_ones_are_not_marked()
    {
        var history = await HistoryAsync();
        var v93 = history.For(V93);
        Assert.Equal(new MemberAvailability(V92, null, null), v93.Property("Gadget", "Color"));
        Assert.Equal(MemberAvailability.Always, v93.Property("Gadget", "Id"));
        Assert.False(v93.Property("Gadget", "Id").IsMarked);
    }

    [Fact]
    public async Task A_property_whose_name_changes_case_is_one_member()
    {
        var history = await HistoryAsync();
        Assert.Equal(MemberAvailability.Always, history.For(V93).Property("Gadget", "NanoCpus"));
        Assert.Equal(MemberAvailability.Always, history.For(V92).Property("Gadget", "NanoCPUs"));
    }

    [Fact]
    public async Task A_deprecated_then_removed_property_says_both_from_every_version_that_has_it()
    {
        var history = await HistoryAsync();
        Assert.Equal(new MemberAvailability(null, V93, V92), history.For(V92).Property("Gadget", "Old"));
        // Seen from 9.1 the deprecation lies ahead, and is said all the same.
        Assert.Equal(new MemberAvailability(null, V93, V92), history.For(V91).Property("Gadget", "Old"));
    }

    [Fact]
    public async Task Options_and_operations_are_marked_from_the_version_that_added_them()
    {
        var models = await ModelsAsync();
        var history = ApiHistoryBuilder.Build(models);
        var v93 = history.For(V93);
        Assert.Equal(new MemberAvailability(V92, null, null), v93.Parameter(Operation(models[2], "GadgetList"), Parameter(models[2], "GadgetList", "limit")));
        Assert.Equal(MemberAvailability.Always, v93.Parameter(Operation(models[2], "GadgetList"), Parameter(models[2], "GadgetList", "all")));
        Assert.Equal(new MemberAvailability(V92, null, V93), v93.Operation(Operation(models[2], "GadgetAttest")));
    }

    [Fact]
    public async Task An_operation_renamed_on_the_same_endpoint_is_not_new()
    {
        var models = await ModelsAsync();
        var history = ApiHistoryBuilder.Build(models);
        Assert.Equal(MemberAvailability.Always, history.For(V93).Operation(Operation(models[2], "GadgetGet")));
        Assert.Equal(MemberAvailability.Always, history.For(V91).Operation(Operation(models[0], "GadgetInspect")));
    }

    [Fact]
    public async Task A_member_that_disappears_and_comes_back_is_marked_from_the_run_that_holds_the_version()
    {
        var models = await ModelsAsync();
        var history = ApiHistoryBuilder.Build(models);
        var verbose = MemberKey.Parameter(Operation(models[0], "GadgetList"), Parameter(models[0], "GadgetList", "verbose"));
        Assert.Equal([(0, 0), (2, 2)], history.Members[verbose].Present.Runs);
        Assert.Equal(new MemberAvailability(null, V92, null), history.For(V91).Parameter(Operation(models[0], "GadgetList"), Parameter(models[0], "GadgetList", "verbose")));
        Assert.Equal(new MemberAvailability(V93, null, null), history.For(V93).Parameter(Operation(models[2], "GadgetList"), Parameter(models[2], "GadgetList", "verbose")));
    }

    [Fact]
    public async Task A_renamed_body_type_keeps_its_properties_history()
    {
        var history = await HistoryAsync();
        Assert.Equal(MemberAvailability.Always, history.For(V93).Property("GadgetConfig", "Name"));
        Assert.Equal(history.Lineages[0]["GadgetSpec"], history.Lineages[2]["GadgetConfig"]);
    }

    [Fact]
    public async Task An_object_that_replaces_a_free_form_map_inherits_the_maps_history_for_the_properties_it_starts_with()
    {
        var history = await HistoryAsync();
        Assert.Equal(MemberAvailability.Always, history.For(V93).Property("Tuning", "Speed"));
        Assert.Equal(MemberAvailability.Always, history.For(V92).Property("Tuning", "Mode"));
        Assert.Equal(new MemberAvailability(V93, null, null), history.For(V93).Property("Tuning", "Turbo"));
    }

    [Fact]
    public async Task A_name_given_to_another_type_starts_a_new_lineage()
    {
        var history = await HistoryAsync();
        Assert.NotEqual(history.Lineages[1]["Swap"], history.Lineages[2]["Swap"]);
        Assert.Equal(new MemberAvailability(V93, null, null), history.For(V93).Property("Swap", "B"));
        Assert.Equal(new MemberAvailability(null, V93, null), history.For(V92).Property("Swap", "A"));
    }

    [Fact]
    public async Task A_version_outside_the_history_is_not_marked_and_an_unknown_type_is_an_error()
    {
        var history = await HistoryAsync();
        Assert.False(history.For(ApiVersion.Parse("9.9")).IsMarking);
        Assert.Equal(MemberAvailability.Always, history.For(ApiVersion.Parse("9.9")).Property("Anything", "x"));
        var ex = Assert.Throws<InvalidOperationException>(() => history.For(V93).Property("Nope", "x"));
        Assert.Contains("no type Nope in v9.3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Markers_read_as_the_docs_say_them()
    {
        Assert.Equal("Since API 9.2. Deprecated since API 9.3. Removed in API 9.4.", new MemberAvailability(V92, ApiVersion.Parse("9.4"), V93).Describe());
        Assert.Equal(string.Empty, MemberAvailability.Always.Describe());
        Assert.True(new MemberAvailability(V92, V93, null).IsAvailableIn(V92));
        Assert.False(new MemberAvailability(V92, V93, null).IsAvailableIn(V91));
        Assert.False(new MemberAvailability(V92, V93, null).IsAvailableIn(V93));
    }

    [Theory]
    [InlineData("", new int[0])]
    [InlineData("3", new[] { 3 })]
    [InlineData("0-2,5,7-8", new[] { 0, 1, 2, 5, 7, 8 })]
    [InlineData("60-70", new[] { 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70 })]
    public void Version_sets_write_runs_and_read_them_back(string text, int[] indexes)
    {
        var set = VersionSet.Of(indexes);
        Assert.Equal(text, set.ToString());
        Assert.Equal(indexes, VersionSet.Parse(text).Indexes);
        Assert.Equal(set, VersionSet.Parse(text));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("3-1")]
    [InlineData("1-2-3")]
    public void A_malformed_version_set_is_refused(string text) => Assert.Throws<FormatException>(() => VersionSet.Parse(text));

    [Fact]
    public async Task The_cache_gives_back_the_same_history_under_its_key_and_nothing_under_another()
    {
        using var temp = new TempFolder();
        var history = await HistoryAsync();
        var cache = new ApiHistoryCache(Path.Combine(temp.Path, "availability"));
        var patch = temp.Write("patches/a.yaml", "patches: []\n");
        var entries = new[] { new SpecLockEntry(V91, new Uri("https://example.invalid/v9.1.yaml"), new string('1', 64)) };
        var key = ApiHistoryCache.Key(entries, [patch]);

        cache.Write(key, history);
        var read = cache.TryRead(key);

        Assert.NotNull(read);
        Assert.Equal(ApiHistoryCache.Format(key, history), ApiHistoryCache.Format(key, read));
        Assert.Equal(history.For(V93).Property("Gadget", "Color"), read.For(V93).Property("Gadget", "Color"));
        temp.Write("patches/a.yaml", "patches: [] # changed\n");
        var changed = ApiHistoryCache.Key(entries, [patch]);
        Assert.NotEqual(key, changed);
        Assert.Null(cache.TryRead(changed));
        cache.Write(changed, history);
        Assert.False(File.Exists(cache.PathOf(key)), "a history under an old key is removed");
    }

    [Fact]
    public async Task A_damaged_cache_file_is_ignored()
    {
        using var temp = new TempFolder();
        var cache = new ApiHistoryCache(temp.Path);
        var key = new string('a', 64);
        cache.Write(key, await HistoryAsync());
        File.AppendAllText(cache.PathOf(key), "member\tnot a key\t0\t\n");
        Assert.Null(cache.TryRead(key));
    }
}
