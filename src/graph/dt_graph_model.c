/* Model mode: dt_graph's statements into a librdf model. */
#include <config.h>

#include "dt_graph_model.h"
#include "dt_graph_internal.h"

typedef struct {
    librdf_world *world;
    librdf_storage *storage;
    librdf_model *model;
} model;

static librdf_node *iri_node(model *m, const char *iri)
{
    return librdf_new_node_from_uri_string(m->world, (const unsigned char *)iri);
}

static void model_add(void *data, const char *s, const char *p, const char *o, int o_kind,
                      const char *dt)
{
    model *m = data;
    librdf_node *obj;
    if (o_kind == 0) {
        obj = iri_node(m, o);
    } else if (o_kind == 1) {
        obj = librdf_new_node_from_literal(m->world, (const unsigned char *)o, NULL, 0);
    } else {
        librdf_uri *u = librdf_new_uri(m->world, (const unsigned char *)dt);
        obj = librdf_new_node_from_typed_literal(m->world, (const unsigned char *)o, NULL, u);
        librdf_free_uri(u);
    }
    librdf_model_add(m->model, iri_node(m, s), iri_node(m, p), obj);
}

static void model_free(void *data)
{
    model *m = data;
    if (m->model)
        librdf_free_model(m->model);
    if (m->storage)
        librdf_free_storage(m->storage);
    g_free(m);
}

static const dt_graph_sink model_sink = {model_add, model_free};

dt_status dt_graph_new(librdf_world *world, const char *base, dt_graph **out, GError **err)
{
    *out = NULL;
    dt_graph *g = g_new0(dt_graph, 1);
    model *m = g_new0(model, 1);
    g->sink = &model_sink;
    g->model = m;
    g->base = g_strdup(base);
    m->world = world;
    m->storage = librdf_new_storage(world, "hashes", "detente", "hash-type='memory'");
    m->model = m->storage ? librdf_new_model(world, m->storage, NULL) : NULL;
    if (m->model == NULL) {
        dt_graph_free(g);
        return dt_fail(err, DT_ERR_RDF, "cannot create an in-memory librdf model");
    }
    *out = g;
    return DT_OK;
}

dt_status dt_graph_serialize(dt_graph *g, const char *format, FILE *fh, GError **err)
{
    model *m = g->model;
    librdf_serializer *s = librdf_new_serializer(m->world, format, NULL, NULL);
    if (s == NULL)
        return dt_fail(err, DT_ERR_USAGE, "unknown output format '%s'", format);
    for (int i = 0; dt_prefixes[i].prefix; i++) {
        librdf_uri *u = librdf_new_uri(m->world, (const unsigned char *)dt_prefixes[i].iri);
        librdf_serializer_set_namespace(s, u, dt_prefixes[i].prefix);
        librdf_free_uri(u);
    }
    int rc = librdf_serializer_serialize_model_to_file_handle(s, fh, NULL, m->model);
    librdf_free_serializer(s);
    if (rc != 0)
        return dt_fail(err, DT_ERR_IO, "cannot write the graph as %s", format);
    return DT_OK;
}

librdf_model *dt_graph_model(dt_graph *g)
{
    return g->sink == &model_sink ? ((model *)g->model)->model : NULL;
}

size_t dt_graph_size(dt_graph *g)
{
    librdf_model *lm = dt_graph_model(g);
    if (lm == NULL)
        return 0;
    int n = librdf_model_size(lm);
    return n < 0 ? 0 : (size_t)n;
}
