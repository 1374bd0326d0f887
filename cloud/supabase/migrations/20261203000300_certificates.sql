-- Certificates the server can stand behind.
--
-- verify_certificate tells anyone holding a printed certificate that it is real, so the server
-- confirms only what it can check itself, at the moment sync_push records the certificate:
--   * the child is one of the account's own children, not erased;
--   * the chapter is a real one: a chapter of the built-in syllabus (listed below, kept equal
--     to resources/syllabus by tests/cloud/test_certificates.py), or one of the account's own
--     chapters (a title its custom skills of that class share);
--   * every skill of the chapter shows what mastery needs in the answers synced so far: at
--     least five right answers, given on at least two different days (India time). The device
--     asks more (a streak, 80% of the last ten), but that depends on the order of answers two
--     devices may merge differently; these two numbers are true of every mastered skill
--     whatever the order, so an honest certificate is never refused. An account can still
--     invent the answers it pushes: what the check stops is a certificate for a chapter the
--     answers do not show, and the verifier learns who issued it (verify_certificate);
--   * the verification code is made here, at random, never chosen by the device: the device
--     prints the code it gets back from the pull.
-- A certificate is append-only, written only through sync_push (20261203000100).

CREATE TABLE IF NOT EXISTS private.chapters (
    chapter_key text PRIMARY KEY,
    title text NOT NULL,
    skill_tags text[] NOT NULL CHECK (cardinality(skill_tags) > 0)
);
GRANT SELECT ON private.chapters TO authenticated;

-- The built-in syllabus (resources/syllabus, 2026-12): a new or renamed chapter needs a new
-- migration with an INSERT like this one (the test says which rows).
INSERT INTO private.chapters (chapter_key, title, skill_tags) VALUES
    ('english.c1.ch1', 'A or an', ARRAY['english.c1.articles_a_an']),
    ('english.c1.ch2', 'Opposites', ARRAY['english.c1.opposites']),
    ('english.c1.ch3', 'One and many', ARRAY['english.c1.plurals_s']),
    ('english.c1.ch4', 'Making sentences', ARRAY['english.c1.sentence_order']),
    ('english.c1.ch5', 'Capital letters and full stops', ARRAY['english.c1.capital_full_stop']),
    ('english.c2.ch1', 'Naming words', ARRAY['english.c2.nouns_identify']),
    ('english.c2.ch2', 'One and many', ARRAY['english.c2.plurals_s_es']),
    ('english.c2.ch3', 'Opposites', ARRAY['english.c2.opposites']),
    ('english.c2.ch4', 'Action words', ARRAY['english.c2.verbs_identify']),
    ('english.c2.ch5', 'Making sentences', ARRAY['english.c2.sentence_order']),
    ('english.c2.ch6', 'Telling and asking', ARRAY['english.c2.question_mark']),
    ('english.c3.ch1', 'Common and proper nouns', ARRAY['english.c3.nouns_common_proper']),
    ('english.c3.ch2', 'Special plurals', ARRAY['english.c3.plurals_irregular']),
    ('english.c3.ch3', 'Things that happened', ARRAY['english.c3.past_tense_regular']),
    ('english.c3.ch4', 'A, an and the', ARRAY['english.c3.articles']),
    ('english.c3.ch5', 'Punctuation', ARRAY['english.c3.punctuation']),
    ('english.c3.ch6', 'Making sentences', ARRAY['english.c3.sentence_order']),
    ('english.c4.ch1', 'Present, past and future', ARRAY['english.c4.tenses']),
    ('english.c4.ch2', 'Special past forms', ARRAY['english.c4.past_tense_irregular']),
    ('english.c4.ch3', 'Plurals with -ies and -ves', ARRAY['english.c4.plurals_y_f']),
    ('english.c4.ch4', 'Commas', ARRAY['english.c4.punctuation_commas']),
    ('english.c4.ch5', 'Making sentences', ARRAY['english.c4.sentence_order']),
    ('english.c4.ch6', 'Opposites with un-, dis-, in-', ARRAY['english.c4.opposites_prefix']),
    ('english.c5.ch1', 'Continuous tenses', ARRAY['english.c5.tenses_continuous']),
    ('english.c5.ch2', 'Subject and verb', ARRAY['english.c5.subject_verb_agreement']),
    ('english.c5.ch3', 'Spoken words', ARRAY['english.c5.direct_speech']),
    ('english.c5.ch4', 'Making sentences', ARRAY['english.c5.sentence_order']),
    ('english.c5.ch5', 'Collective nouns', ARRAY['english.c5.nouns_collective']),
    ('english.c5.ch6', 'The apostrophe', ARRAY['english.c5.apostrophe']),
    ('evs.c3.ch1', 'Family and Friends', ARRAY['evs.c3.family_and_friends']),
    ('evs.c3.ch2', 'Going to the Mela', ARRAY['evs.c3.going_to_the_mela']),
    ('evs.c3.ch3', 'Celebrating Festivals', ARRAY['evs.c3.celebrating_festivals']),
    ('evs.c3.ch4', 'Getting to Know Plants', ARRAY['evs.c3.getting_to_know_plants']),
    ('evs.c3.ch5', 'Plants and Animals Live Together', ARRAY['evs.c3.plants_and_animals_live_together']),
    ('evs.c3.ch6', 'Living in Harmony', ARRAY['evs.c3.living_in_harmony']),
    ('evs.c3.ch7', 'Water - A Precious Gift', ARRAY['evs.c3.water_a_precious_gift']),
    ('evs.c3.ch8', 'Food We Eat', ARRAY['evs.c3.food_we_eat']),
    ('evs.c3.ch9', 'Staying Healthy and Happy', ARRAY['evs.c3.staying_healthy_and_happy']),
    ('evs.c3.ch10', 'This World of Things', ARRAY['evs.c3.this_world_of_things']),
    ('evs.c3.ch11', 'Making Things', ARRAY['evs.c3.making_things']),
    ('evs.c3.ch12', 'Taking Charge of Waste', ARRAY['evs.c3.taking_charge_of_waste']),
    ('evs.c4.ch1', 'Living Together', ARRAY['evs.c4.living_together']),
    ('evs.c4.ch2', 'Exploring Our Neighbourhood', ARRAY['evs.c4.exploring_our_neighbourhood']),
    ('evs.c4.ch3', 'Nature Trail', ARRAY['evs.c4.nature_trail']),
    ('evs.c4.ch4', 'Growing up with Nature', ARRAY['evs.c4.growing_up_with_nature']),
    ('evs.c4.ch5', 'Food for Health', ARRAY['evs.c4.food_for_health']),
    ('evs.c4.ch6', 'Happy and Healthy Living', ARRAY['evs.c4.happy_and_healthy_living']),
    ('evs.c4.ch7', 'How Things Work', ARRAY['evs.c4.how_things_work']),
    ('evs.c4.ch8', 'How Things are Made', ARRAY['evs.c4.how_things_are_made']),
    ('evs.c4.ch9', 'Different Lands, Different Lives', ARRAY['evs.c4.different_lands_different_lives']),
    ('evs.c4.ch10', 'Our Sky', ARRAY['evs.c4.our_sky']),
    ('evs.c5.ch1', 'Water - The Essence of Life', ARRAY['evs.c5.water_the_essence_of_life']),
    ('evs.c5.ch2', 'Journey of a River', ARRAY['evs.c5.journey_of_a_river']),
    ('evs.c5.ch3', 'The Mystery of Food', ARRAY['evs.c5.the_mystery_of_food']),
    ('evs.c5.ch4', 'Our School - A Happy Place', ARRAY['evs.c5.our_school_a_happy_place']),
    ('evs.c5.ch5', 'Our Vibrant Country', ARRAY['evs.c5.our_vibrant_country']),
    ('evs.c5.ch6', 'Some Unique Places', ARRAY['evs.c5.some_unique_places']),
    ('evs.c5.ch7', 'Energy - How Things Work', ARRAY['evs.c5.energy_how_things_work']),
    ('evs.c5.ch8', 'Clothes - How Things are Made', ARRAY['evs.c5.clothes_how_things_are_made']),
    ('evs.c5.ch9', 'Rhythms of Nature', ARRAY['evs.c5.rhythms_of_nature']),
    ('evs.c5.ch10', 'Earth - Our Shared Home', ARRAY['evs.c5.earth_our_shared_home']),
    ('maths.c1.ch1', 'Finding the Furry Cat!', ARRAY['maths.c1.position_words']),
    ('maths.c1.ch2', 'What is Long? What is Round?', ARRAY['maths.c1.long_round']),
    ('maths.c1.ch3', 'Mango Treat', ARRAY['maths.c1.count_objects', 'maths.c1.before_after_9', 'maths.c1.compare_9']),
    ('maths.c1.ch4', 'Making 10', ARRAY['maths.c1.make_10', 'maths.c1.numbers_10_20']),
    ('maths.c1.ch5', 'How Many?', ARRAY['maths.c1.add_within_9', 'maths.c1.sub_within_9']),
    ('maths.c1.ch6', 'Vegetable Farm', ARRAY['maths.c1.add_within_20', 'maths.c1.sub_within_20']),
    ('maths.c1.ch7', 'Lina''s Family', ARRAY['maths.c1.compare_length']),
    ('maths.c1.ch8', 'Fun with Numbers', ARRAY['maths.c1.tens_ones_99']),
    ('maths.c1.ch9', 'Utsav', ARRAY['maths.c1.patterns']),
    ('maths.c1.ch10', 'How do I Spend my Day?', ARRAY['maths.c1.time_sequence']),
    ('maths.c1.ch11', 'How Many Times?', ARRAY['maths.c1.repeated_addition']),
    ('maths.c1.ch12', 'How Much Can We Spend?', ARRAY['maths.c1.money_coins']),
    ('maths.c1.ch13', 'So Many Toys', ARRAY['maths.c1.data_count']),
    ('maths.c2.ch1', 'A Day at the Beach', ARRAY['maths.c2.skip_count']),
    ('maths.c2.ch2', 'Shapes Around Us', ARRAY['maths.c2.shapes_3d']),
    ('maths.c2.ch3', 'Fun with Numbers', ARRAY['maths.c2.place_value_100', 'maths.c2.compare_100', 'maths.c2.number_names_100']),
    ('maths.c2.ch4', 'Shadow Story', ARRAY['maths.c2.shapes_2d']),
    ('maths.c2.ch5', 'Playing with Lines', ARRAY['maths.c2.lines']),
    ('maths.c2.ch6', 'Decoration for Festival', ARRAY['maths.c2.add_2digit', 'maths.c2.sub_2digit']),
    ('maths.c2.ch7', 'Rani''s Gift', ARRAY['maths.c2.length_cm']),
    ('maths.c2.ch8', 'Grouping and Sharing', ARRAY['maths.c2.equal_groups', 'maths.c2.equal_sharing']),
    ('maths.c2.ch9', 'Which Season is it?', ARRAY['maths.c2.calendar_days']),
    ('maths.c2.ch10', 'Fun at the Fair', ARRAY['maths.c2.money_100']),
    ('maths.c2.ch11', 'Data Handling', ARRAY['maths.c2.data_pictograph']),
    ('maths.c3.ch1', 'What''s in a Name?', ARRAY['maths.c3.tally_count']),
    ('maths.c3.ch2', 'Toy Joy', ARRAY['maths.c3.solids_faces']),
    ('maths.c3.ch3', 'Double Century', ARRAY['maths.c3.numbers_to_200']),
    ('maths.c3.ch4', 'Vacation with My Nani Maa', ARRAY['maths.c3.add_2digit_mental', 'maths.c3.sub_2digit_mental']),
    ('maths.c3.ch5', 'Fun with Shapes', ARRAY['maths.c3.shapes_2d_properties']),
    ('maths.c3.ch6', 'House of Hundreds - I', ARRAY['maths.c3.place_value_3digit', 'maths.c3.compare_3digit']),
    ('maths.c3.ch7', 'Raksha Bandhan', ARRAY['maths.c3.mult_tables', 'maths.c3.div_sharing']),
    ('maths.c3.ch8', 'Fair Share', ARRAY['maths.c3.half_quarter']),
    ('maths.c3.ch9', 'House of Hundreds - II', ARRAY['maths.c3.add_3digit_no_regroup', 'maths.c3.sub_3digit_no_regroup']),
    ('maths.c3.ch10', 'Fun at Class Party!', ARRAY['maths.c3.nonstandard_length']),
    ('maths.c3.ch11', 'Filling and Lifting', ARRAY['maths.c3.capacity_weight_compare']),
    ('maths.c3.ch12', 'Give and Take', ARRAY['maths.c3.add_3digit_regroup', 'maths.c3.sub_3digit_regroup', 'maths.c3.add_sub_word_problems']),
    ('maths.c3.ch13', 'Time Goes On', ARRAY['maths.c3.clock_hour_half', 'maths.c3.calendar_month']),
    ('maths.c3.ch14', 'The Surajkund Fair', ARRAY['maths.c3.symmetry_letters']),
    ('maths.c4.ch1', 'Shapes Around Us', ARRAY['maths.c4.shapes_properties']),
    ('maths.c4.ch2', 'Hide and Seek', ARRAY['maths.c4.odd_even']),
    ('maths.c4.ch3', 'Pattern Around Us', ARRAY['maths.c4.number_patterns']),
    ('maths.c4.ch4', 'Thousands Around Us', ARRAY['maths.c4.place_value_4digit', 'maths.c4.compare_order_4digit', 'maths.c4.round_10_100']),
    ('maths.c4.ch5', 'Sharing and Measuring', ARRAY['maths.c4.fraction_of_collection', 'maths.c4.fraction_name']),
    ('maths.c4.ch6', 'Measuring Length', ARRAY['maths.c4.length_units']),
    ('maths.c4.ch7', 'The Cleanest Village', ARRAY['maths.c4.money_change']),
    ('maths.c4.ch8', 'Weigh it, Pour it', ARRAY['maths.c4.weight_capacity_units']),
    ('maths.c4.ch9', 'Equal Groups', ARRAY['maths.c4.mult_2digit_by_1digit', 'maths.c4.div_by_1digit']),
    ('maths.c4.ch10', 'Elephants, Tigers, and Leopards', ARRAY['maths.c4.add_4digit_regroup', 'maths.c4.sub_4digit_regroup', 'maths.c4.estimate_sum']),
    ('maths.c4.ch11', 'Fun with Symmetry', ARRAY['maths.c4.symmetry_lines']),
    ('maths.c4.ch12', 'Ticking Clocks and Turning Calendar', ARRAY['maths.c4.clock_5min', 'maths.c4.calendar_dates']),
    ('maths.c4.ch13', 'The Transport Museum', ARRAY['maths.c4.mult_by_10_100', 'maths.c4.mult_split', 'maths.c4.long_division']),
    ('maths.c4.ch14', 'Data Handling', ARRAY['maths.c4.data_table']),
    ('maths.c5.ch1', 'We the Travellers - I', ARRAY['maths.c5.place_value_large', 'maths.c5.compare_large']),
    ('maths.c5.ch2', 'Fractions', ARRAY['maths.c5.equivalent_fractions', 'maths.c5.compare_fractions', 'maths.c5.add_like_fractions']),
    ('maths.c5.ch3', 'Angles as Turns', ARRAY['maths.c5.angles_turns']),
    ('maths.c5.ch4', 'We the Travellers - II', ARRAY['maths.c5.add_sub_large']),
    ('maths.c5.ch5', 'Far and Near', ARRAY['maths.c5.distance_units']),
    ('maths.c5.ch6', 'The Dairy Farm', ARRAY['maths.c5.mult_by_10_100_1000', 'maths.c5.mult_3digit_by_2digit', 'maths.c5.doubling_halving']),
    ('maths.c5.ch7', 'Shapes and Patterns', ARRAY['maths.c5.shape_patterns']),
    ('maths.c5.ch8', 'Weight and Capacity', ARRAY['maths.c5.weight_capacity_convert']),
    ('maths.c5.ch9', 'Coconut Farm', ARRAY['maths.c5.division_remainder', 'maths.c5.div_by_10_100']),
    ('maths.c5.ch10', 'Symmetrical Designs', ARRAY['maths.c5.symmetry_designs']),
    ('maths.c5.ch11', 'Grandmother''s Quilt', ARRAY['maths.c5.area_perimeter']),
    ('maths.c5.ch12', 'Racing Seconds', ARRAY['maths.c5.time_seconds']),
    ('maths.c5.ch13', 'Animal Jumps', ARRAY['maths.c5.factors_multiples']),
    ('maths.c5.ch14', 'Maps and Locations', ARRAY['maths.c5.maps_directions']),
    ('maths.c5.ch15', 'Data Through Pictures', ARRAY['maths.c5.pictograph_scale'])
ON CONFLICT (chapter_key) DO UPDATE SET title = EXCLUDED.title, skill_tags = EXCLUDED.skill_tags;

-- Answers are looked up by child and skill to check a chapter.
CREATE INDEX IF NOT EXISTS attempt_events_child_skill
    ON public.attempt_events (owner_id, student_id, skill_tag);

-- The skills of the chapter a certificate names, for its account; none if it is not a chapter.
CREATE OR REPLACE FUNCTION private.chapter_skills(p_uid uuid, p_fields jsonb) RETURNS text[]
LANGUAGE sql STABLE
SET search_path = ''
AS $$
    SELECT CASE
        WHEN p_fields ->> 'chapter_key' ~ '^custom\.c[0-9]{1,2}\.ch[0-9]+$' THEN (
            SELECT array_agg(DISTINCT s.skill_tag ORDER BY s.skill_tag)
            FROM public.custom_skills AS s
            WHERE s.owner_id = p_uid AND s.deleted_at IS NULL
              AND s.grade::text = substring(p_fields ->> 'chapter_key' FROM '^custom\.c([0-9]+)\.')
              AND s.chapter_title = p_fields ->> 'chapter_title')
        ELSE (SELECT c.skill_tags FROM private.chapters AS c
              WHERE c.chapter_key = p_fields ->> 'chapter_key')
    END
$$;

-- Why a certificate cannot be recorded for this account, or NULL (see the top of this file).
CREATE OR REPLACE FUNCTION private.certificate_problem(p_uid uuid, p_fields jsonb) RETURNS text
LANGUAGE plpgsql STABLE
SET search_path = ''
AS $$
DECLARE
    v_child uuid;
    v_skills text[];
    v_missing text[];
BEGIN
    v_child := (p_fields ->> 'child_id')::uuid;
    IF NOT EXISTS (SELECT FROM public.children AS ch
                   WHERE ch.owner_id = p_uid AND ch.id = v_child AND ch.deleted_at IS NULL) THEN
        RETURN 'the certificate names no child of this account';
    END IF;
    v_skills := private.chapter_skills(p_uid, p_fields);
    IF v_skills IS NULL THEN
        RETURN format('there is no chapter %s (%s) in the syllabus',
                      p_fields ->> 'chapter_key', p_fields ->> 'chapter_title');
    END IF;
    SELECT array_agg(skill ORDER BY skill) INTO v_missing
    FROM unnest(v_skills) AS skill
    WHERE NOT EXISTS (
        SELECT FROM public.attempt_events AS a
        WHERE a.owner_id = p_uid AND a.student_id = v_child AND a.skill_tag = skill
          AND a.deleted_at IS NULL
        HAVING count(*) FILTER (WHERE a.result = 'correct') >= 5
           AND count(DISTINCT (a.answered_at AT TIME ZONE 'Asia/Kolkata')::date) >= 2);
    IF v_missing IS NOT NULL THEN
        RETURN format('the answers synced so far do not show %s mastered (five right answers '
                      'on two different days in each skill; not yet: %s)',
                      p_fields ->> 'chapter_title', array_to_string(v_missing, ', '));
    END IF;
    RETURN NULL;
END
$$;

-- Ten characters the app uses for codes people type (no 0/O, 1/I/L or U), from the server's
-- strong random source, and not yet used by any certificate of any account: so the trigger
-- runs as the owner of the table, which sees every account's codes.
CREATE OR REPLACE FUNCTION private.new_verification_code() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = ''
AS $$
DECLARE
    v_alphabet constant text := '23456789ABCDEFGHJKMNPQRSTVWXYZ';
    v_code text;
    v_byte integer;
    v_bytes bytea;
    v_at integer;
BEGIN
    LOOP
        v_code := '';
        WHILE length(v_code) < 10 LOOP
            v_bytes := uuid_send(gen_random_uuid());
            FOR v_at IN 0..15 LOOP
                CONTINUE WHEN v_at IN (6, 8);  -- the UUID's version and variant bytes
                v_byte := get_byte(v_bytes, v_at);
                CONTINUE WHEN v_byte >= 240;  -- 240 = 8 x 30: keep every character equally likely
                v_code := v_code || substr(v_alphabet, v_byte % 30 + 1, 1);
                EXIT WHEN length(v_code) = 10;
            END LOOP;
        END LOOP;
        EXIT WHEN NOT EXISTS (SELECT FROM public.certificates AS c WHERE c.verification_code = v_code);
    END LOOP;
    NEW.verification_code := v_code;
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION private.new_verification_code() FROM PUBLIC;

CREATE OR REPLACE TRIGGER new_verification_code BEFORE INSERT ON public.certificates
FOR EACH ROW EXECUTE FUNCTION private.new_verification_code();
