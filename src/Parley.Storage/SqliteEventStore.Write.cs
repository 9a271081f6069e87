using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Parley.Storage;

public sealed partial class SqliteEventStore
{
    /// <inheritdoc/>
    public void SaveBatch(IReadOnlyList<ProcessedCapture> batch)
    {
        lock (_gate)
        {
            using var tx = _db.BeginTransaction();
            using var delMentions = Command("DELETE FROM mentions WHERE article_id IN (SELECT id FROM articles WHERE capture_id=$c)", tx);
            using var delFts = Command("INSERT INTO articles_fts(articles_fts, rowid, headline, body) SELECT 'delete', rowid, coalesce(headline,''), body FROM articles WHERE capture_id=$c", tx);
            using var delArticles = Command("DELETE FROM articles WHERE capture_id=$c", tx);
            using var insArticle = Command("""
                INSERT INTO articles(id, capture_id, idx, source, url, headline, bylines, outlet, published_text, published,
                    updated_text, updated, dateline, section, language, body, captions, method)
                VALUES ($id, $capture, $idx, $source, $url, $headline, $bylines, $outlet, $ptext, $published,
                    $utext, $updated, $dateline, $section, $language, $body, $captions, $method)
                """, tx);
            using var insFts = Command("INSERT INTO articles_fts(rowid, headline, body) SELECT rowid, coalesce(headline,''), body FROM articles WHERE id=$id", tx);
            using var upsertEvent = Command("""
                INSERT INTO events(id, date, date_basis, source_text, source_name, source_code, target_text, target_name, target_code,
                    source_country, target_country, cameo, cameo_root, cameo_name, quad_class, goldstein, plover, plover_mode,
                    location, modality, confidence)
                VALUES ($id, $date, $basis, $stext, $sname, $scode, $ttext, $tname, $tcode, $scountry, $tcountry, $cameo, $root,
                    $cname, $quad, $goldstein, $plover, $pmode, $location, $modality, $confidence)
                ON CONFLICT(id) DO UPDATE SET
                    confidence = max(confidence, excluded.confidence),
                    location = coalesce(location, excluded.location),
                    source_name = CASE WHEN source_name = source_text AND excluded.source_name <> excluded.source_text THEN excluded.source_name ELSE source_name END,
                    target_name = CASE WHEN target_name = target_text AND excluded.target_name <> excluded.target_text THEN excluded.target_name ELSE target_name END
                """, tx);
            using var insMention = Command("""
                INSERT INTO mentions(event_id, article_id, sentence_index, sentence_start, sentence_end, evidence_start, evidence_end,
                    source_text, target_text, date_basis, attribution, confidence)
                VALUES ($event, $article, $sentence, $sstart, $send, $estart, $eend, $stext, $ttext, $basis, $attribution, $confidence)
                ON CONFLICT(event_id, article_id, sentence_index) DO NOTHING
                """, tx);
            using var setStatus = Command("UPDATE captures SET status=$status, error=$error WHERE id=$c", tx);

            int removedMentions = 0;
            foreach (var pc in batch)
            {
                foreach (var cmd in new[] { delMentions, delFts, delArticles })
                {
                    cmd.Parameters.Clear();
                    cmd.Parameters.AddWithValue("$c", pc.Capture.Id);
                    int n = cmd.ExecuteNonQuery();
                    if (cmd == delMentions) removedMentions += n;
                }
                foreach (var a in pc.Articles)
                {
                    insArticle.Parameters.Clear();
                    insArticle.Parameters.AddWithValue("$id", a.Id);
                    insArticle.Parameters.AddWithValue("$capture", a.CaptureId);
                    insArticle.Parameters.AddWithValue("$idx", a.Index);
                    insArticle.Parameters.AddWithValue("$source", a.Source);
                    insArticle.Parameters.AddWithValue("$url", Db(a.Url));
                    insArticle.Parameters.AddWithValue("$headline", Db(a.Headline));
                    insArticle.Parameters.AddWithValue("$bylines", string.Join('|', a.Bylines));
                    insArticle.Parameters.AddWithValue("$outlet", Db(a.Outlet));
                    insArticle.Parameters.AddWithValue("$ptext", Db(a.PublishedText));
                    insArticle.Parameters.AddWithValue("$published", a.Published is null ? DBNull.Value : Iso(a.Published));
                    insArticle.Parameters.AddWithValue("$utext", Db(a.UpdatedText));
                    insArticle.Parameters.AddWithValue("$updated", a.Updated is null ? DBNull.Value : Iso(a.Updated));
                    insArticle.Parameters.AddWithValue("$dateline", Db(a.Dateline));
                    insArticle.Parameters.AddWithValue("$section", Db(a.Section));
                    insArticle.Parameters.AddWithValue("$language", a.Language);
                    insArticle.Parameters.AddWithValue("$body", a.Body);
                    insArticle.Parameters.AddWithValue("$captions", string.Join('\n', a.Captions));
                    insArticle.Parameters.AddWithValue("$method", a.Method);
                    insArticle.ExecuteNonQuery();
                    insFts.Parameters.Clear();
                    insFts.Parameters.AddWithValue("$id", a.Id);
                    insFts.ExecuteNonQuery();
                }
                foreach (var km in pc.Mentions)
                {
                    var m = km.Mention;
                    var c = km.Code;
                    upsertEvent.Parameters.Clear();
                    upsertEvent.Parameters.AddWithValue("$id", km.EventId);
                    upsertEvent.Parameters.AddWithValue("$date", m.Date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value);
                    upsertEvent.Parameters.AddWithValue("$basis", m.DateBasis);
                    upsertEvent.Parameters.AddWithValue("$stext", m.Source.Text);
                    upsertEvent.Parameters.AddWithValue("$sname", m.Source.Name);
                    upsertEvent.Parameters.AddWithValue("$scode", m.Source.Code);
                    upsertEvent.Parameters.AddWithValue("$ttext", m.Target.Text);
                    upsertEvent.Parameters.AddWithValue("$tname", m.Target.Name);
                    upsertEvent.Parameters.AddWithValue("$tcode", m.Target.Code);
                    upsertEvent.Parameters.AddWithValue("$scountry", m.Source.CountryCode);
                    upsertEvent.Parameters.AddWithValue("$tcountry", m.Target.CountryCode);
                    upsertEvent.Parameters.AddWithValue("$cameo", c.Code);
                    upsertEvent.Parameters.AddWithValue("$root", c.Root);
                    upsertEvent.Parameters.AddWithValue("$cname", c.Name);
                    upsertEvent.Parameters.AddWithValue("$quad", (int)c.Quad);
                    upsertEvent.Parameters.AddWithValue("$goldstein", c.Goldstein);
                    upsertEvent.Parameters.AddWithValue("$plover", c.Plover);
                    upsertEvent.Parameters.AddWithValue("$pmode", c.PloverMode);
                    upsertEvent.Parameters.AddWithValue("$location", Db(m.Location));
                    upsertEvent.Parameters.AddWithValue("$modality", m.Modality.ToString().ToLowerInvariant());
                    upsertEvent.Parameters.AddWithValue("$confidence", m.Confidence);
                    upsertEvent.ExecuteNonQuery();

                    insMention.Parameters.Clear();
                    insMention.Parameters.AddWithValue("$event", km.EventId);
                    insMention.Parameters.AddWithValue("$article", m.ArticleId);
                    insMention.Parameters.AddWithValue("$sentence", m.SentenceIndex);
                    insMention.Parameters.AddWithValue("$sstart", m.Sentence.Start);
                    insMention.Parameters.AddWithValue("$send", m.Sentence.End);
                    insMention.Parameters.AddWithValue("$estart", m.Evidence.Start);
                    insMention.Parameters.AddWithValue("$eend", m.Evidence.End);
                    insMention.Parameters.AddWithValue("$stext", m.Source.Text);
                    insMention.Parameters.AddWithValue("$ttext", m.Target.Text);
                    insMention.Parameters.AddWithValue("$basis", m.DateBasis);
                    insMention.Parameters.AddWithValue("$attribution", Db(m.Attribution));
                    insMention.Parameters.AddWithValue("$confidence", m.Confidence);
                    insMention.ExecuteNonQuery();
                }
                setStatus.Parameters.Clear();
                setStatus.Parameters.AddWithValue("$status", pc.Error is null ? "processed" : "failed");
                setStatus.Parameters.AddWithValue("$error", Db(pc.Error));
                setStatus.Parameters.AddWithValue("$c", pc.Capture.Id);
                setStatus.ExecuteNonQuery();
            }
            // Events left without mentions by a re-processed capture are removed. Only removed
            // mentions can orphan an event, so a batch of new captures skips this scan of every event.
            if (removedMentions > 0)
                Exec("DELETE FROM events WHERE NOT EXISTS (SELECT 1 FROM mentions WHERE mentions.event_id = events.id)", tx);
            tx.Commit();
        }
    }
}
