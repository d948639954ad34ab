/* Shared between the proposal files: dt_proposals.c (proposal mentions,
 * proposers, open proposals), dt_stances.c (stances) and dt_clause.c (who
 * acts in a clause: subjects, appositions, passives). */
#ifndef DT_PROPOSALS_INTERNAL_H
#define DT_PROPOSALS_INTERNAL_H

#include "../dt_doc.h"

#define DT_WORD_NS "https://w3id.org/detente/id/word/"

/* A proposal mention: its tokens and the proposal it belongs to. */
typedef struct {
    uint32_t tb, te;
    int proposal;
} pmention;

typedef enum { DT_ACTIVE, DT_PASSIVE_BE, DT_PASSIVE_REDUCED } dt_voice;

const dt_lex_entry *dt_pr_concept(const dt_doc *doc, const char *local);
gboolean dt_pr_is_actor_kind(const dt_doc *doc, int e);
/* The country whose office person p holds in the article ("the Biden
 * administration" is the United States), or -1. */
int dt_pr_government_of(const dt_doc *doc, int p);
gboolean dt_pr_reporting_at(const dt_doc *doc, uint32_t k);
int dt_pr_reporter_of(const dt_doc *doc, uint32_t sb, uint32_t t);
void dt_pr_subjects_before(const dt_doc *doc, uint32_t sb, uint32_t verb, GArray *out);
void dt_pr_actors_from(const dt_doc *doc, uint32_t i, uint32_t se, GArray *out);
/* "agreed to provide / lend / send ...": an offering verb at i (past a
 * "to"). */
gboolean dt_pr_offers_after(const dt_doc *doc, uint32_t i, uint32_t se);
dt_voice dt_pr_voice_of(const dt_doc *doc, uint32_t t, uint32_t te, uint32_t sb, uint32_t se,
                           GArray *out);
const pmention *dt_pr_passive_target(const GArray *pms, const dt_doc *doc, uint32_t t, uint32_t sb,
                                         dt_voice v);
gboolean dt_pr_negated_before(const dt_doc *doc, uint32_t t, uint32_t sb);
void dt_pr_add_stance(dt_doc *doc, int holder, int proposal, const dt_lex_entry *pol,
                      uint32_t t, uint32_t te, char *condition);
void dt_pr_add_roles(dt_doc *doc, const pmention *pm, uint32_t se);
int dt_pr_anaphoric_referent(const dt_doc *doc, uint32_t k, uint32_t se);
gboolean dt_pr_anaphoric_object(const dt_doc *doc, uint32_t k, uint32_t se);
void dt_pr_quote_support(dt_doc *doc, const GArray *pms, uint32_t sb, uint32_t se);
void dt_pr_stances_in_sentence(dt_doc *doc, const GArray *pms, uint32_t sb, uint32_t se);
/* The reporter of the clause holding token t when he speaks for `holder`
 * ("Trump says the United States will ..."), else -1. */
int dt_pr_own_side_reporter(const dt_doc *doc, uint32_t sb, uint32_t t, int holder);
/* An executive organ of a state ("the Chinese Foreign Ministry", "the State
 * Department") stands for its state as an actor; any other entity for
 * itself. */
int dt_pr_state_of(dt_doc *doc, int e);
int dt_pr_country_proposal(const dt_doc *doc, uint32_t k, uint32_t se);
int dt_pr_proposal_of_actor(const dt_doc *doc, int e);
gboolean dt_pr_article_word_in_class(const dt_doc *doc, uint32_t article, uint32_t w, const char *list);
uint32_t dt_pr_agent_list_after(const dt_doc *doc, uint32_t i, uint32_t se, GArray *out);

/* True when tokens [b, e) are a trigger of the word list `list` of the
 * lexicon (an entry under the word namespace: "proposal-verbs"). */
gboolean dt_pr_word_class_at(const dt_doc *doc, uint32_t b, uint32_t e, const char *list);
/* Length of a trigger of `list` starting at token b, or 0. */
uint32_t dt_pr_word_class_starts(const dt_doc *doc, uint32_t b, uint32_t se, const char *list);

#endif
