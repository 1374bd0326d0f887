"""Word lists and sentences for the English generators, kept apart from the rules that use them.

Everything is hand-written for Indian primary classrooms: Indian names, food, festivals and
places, and British/Indian spelling (colour, neighbour, travelled). Lists are plain text, one
item a line, fields separated by ";" and alternatives by "|", so a teacher can read and extend
them without knowing Python.
"""

from __future__ import annotations


def lines(text: str) -> tuple[str, ...]:
    """The non-empty lines of a block, stripped; a line starting with "|" continues the one
    before (it adds another right answer)."""
    out: list[str] = []
    for line in text.strip().splitlines():
        line = line.strip()
        if line.startswith("|") and out:
            out[-1] += line
        elif line:
            out.append(line)
    return tuple(out)


def rows(text: str) -> tuple[tuple[str, ...], ...]:
    """Each line split into its ";"-separated fields."""
    return tuple(tuple(field.strip() for field in line.split(";")) for line in lines(text))


def words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Words that keep their capital letter wherever they stand (names, and "I"). Jumbled sentences
# lower-case their first word unless it is one of these.
PROPER_FIRST_WORDS = frozenset(
    words(
        """I Asha Ravi Meera Kabir Priya Arjun Fatima Gurpreet Lakshmi Murugan Ananya Rohan
        Diya Imran Sneha Tenzing Grandma Grandpa Amma Papa Diwali"""
    )
)

# ---------------------------------------------------------------- opposites (word; opposite;
# a likely wrong answer: a word of similar meaning or a related word that is not the opposite)
C1_OPPOSITES = rows(
    """
    big; small; large
    hot; cold; warm
    tall; short; long
    fat; thin; heavy
    up; down; top
    in; out; inside
    day; night; morning
    new; old; fresh
    young; old; small
    open; close|shut; push
    happy; sad; glad
    fast; slow; quick
    wet; dry; rainy
    full; empty; half
    good; bad; nice
    clean; dirty; neat
    yes; no; sure
    come; go; walk
    push; pull; press
    give; take; share
    front; back; side
    near; far; close
    thick; thin; fat
    laugh; cry; smile
    win; lose; play
    first; last; second
    before; after; then
    over; under; above
    ask; answer; say
    sit; stand; sleep
    high; low; tall
    left; right; straight
    on; off; in
    """
)
C2_OPPOSITES = rows(
    """
    early; late; soon
    strong; weak; powerful
    buy; sell; pay
    friend; enemy; classmate
    rich; poor; wealthy
    loud; quiet|soft; noisy
    easy; difficult|hard; simple
    sweet; sour|bitter; tasty
    true; false; right
    remember; forget; recall
    always; never; sometimes
    question; answer; ask
    inside; outside; within
    top; bottom; above
    deep; shallow; low
    wide; narrow; broad
    lend; borrow; give
    arrive; leave|depart; reach
    alive; dead; sick
    float; sink; swim
    sharp; blunt; pointed
    polite; rude; kind
    tight; loose; firm
    entrance; exit; gate
    sunrise; sunset; morning
    cheap; costly|expensive; free
    smooth; rough; soft
    noisy; quiet|silent; loud
    dangerous; safe; risky
    heavy; light; thick
    beautiful; ugly; pretty
    clever; foolish|silly|stupid; smart
    love; hate; like
    winter; summer; cold
    shout; whisper; scream
    awake; asleep; tired
    present; absent; gift
    increase; decrease; grow
    north; south; east
    """
)

# ---------------------------------------------------------------- opposites with a prefix
PREFIX_UN = words(
    """happy kind tidy safe lucky well fair lock pack wrap fold true usual healthy fit clean
    known seen even comfortable friendly wise load tie pleasant selfish real"""
)
PREFIX_DIS = words("appear agree obey honest respect approve similar advantage continue connect")
PREFIX_IN = words(
    "correct complete visible active direct formal expensive dependent capable accurate"
)
PREFIX_IM = words("possible polite patient perfect pure proper mature mortal mobile partial")

# ---------------------------------------------------------------- nouns for plurals
PLURAL_S = words(
    """cat dog pen book cup ball bag tree kite star hen cow egg apple bird duck frog lamp door
    chair table window flower bee shoe cake bat bell boat car coat drum fan goat hat jug lion
    map nest pot rat ring ship sock spoon tap tent van pin cap crow parrot peacock pencil plate
    bottle banana tiger doll chapati samosa camel rabbit button"""
)
PLURAL_ES = words(
    """bus box fox dish brush watch match bench glass class dress torch peach church branch
    bush sandwich beach bunch coach potato tomato hero mango"""
)
# Spelling-rule traps for Class 2: ending in -se/-ge (just add -s) or in -o after a vowel, or a
# short form (radio, photo): these take -s although they sound or look like -es words.
PLURAL_S_TRICKY = words("horse house rose vase cage page radio zoo photo piano kangaroo video")
PLURAL_Y_CONSONANT = words(
    """baby city lady party story fly butterfly family puppy cherry berry country library hobby
    diary lorry copy daisy pony strawberry dictionary factory"""
)
PLURAL_Y_VOWEL = words(
    "boy toy day key monkey donkey tray valley chimney turkey holiday birthday journey trolley"
)
PLURAL_F_VES = words("leaf knife shelf wolf calf thief loaf elf")
# Both plurals are in the dictionaries; the -ves form is the one taught first.
PLURAL_F_BOTH = {"scarf": "scarfs", "hoof": "hoofs"}
PLURAL_F_S = words("roof chief cliff chef safe giraffe reef")
# Dictionaries give both "mangoes" and "mangos"; Indian schoolbooks use "mangoes".
PLURAL_ALSO = {"mango": ("mangos",)}

# singular; plural; likely wrong plurals; a sentence with the blank (Class 3)
IRREGULAR_PLURALS = rows(
    """
    child; children; childs|childrens; The teacher took twenty ____ to the zoo.
    man; men; mans|mens; Three ____ were mending the road.
    woman; women; womans|womens; Five ____ sang songs at the wedding.
    tooth; teeth; tooths|teeths; The baby has two new ____.
    foot; feet; foots|feets; Wash your ____ before you go to bed.
    goose; geese; gooses|geeses; Six ____ were swimming in the pond.
    mouse; mice; mouses|mices; The cat chased two ____ in the kitchen.
    ox; oxen; oxes|oxens; Two ____ pulled the farmer's cart.
    sheep; sheep; sheeps; The shepherd counted his ____ in the evening.
    deer; deer; deers; We saw many ____ in the forest.
    policeman; policemen; policemans; Two ____ were directing the traffic.
    postman; postmen; postmans; The ____ of our town wear khaki uniforms.
    fisherman; fishermen; fishermans; The ____ went out to sea in their boats.
    milkman; milkmen; milkmans; Two ____ bring milk to our colony.
    gentleman; gentlemen; gentlemans; Three ____ were waiting at the bus stop.
    grandchild; grandchildren; grandchilds|grandchildrens; Grandma loves all her ____.
    snowman; snowmen; snowmans; The children built two ____ in Manali.
    aircraft; aircraft; aircrafts; Many ____ were parked at the airport.
    fireman; firemen; firemans; Four ____ put out the fire quickly.
    workman; workmen; workmans; The ____ repaired the school roof.
    sportsman; sportsmen; sportsmans; Many ____ took part in the games.
    businessman; businessmen; businessmans; Two ____ were talking at the airport.
    policewoman; policewomen; policewomans|policewomens; Two ____ helped the lost child.
    """
)

# ---------------------------------------------------------------- articles
C1_ARTICLE_NOUNS = words(
    """apple egg elephant owl umbrella orange ant igloo ox onion eagle arrow insect octopus
    inkpot aeroplane ice-cream ear eye uncle engine idli
    cat dog ball kite mango bus pen book cup fan tree doll bag peacock rabbit lion chapati
    parrot banana cow monkey drum boat tiger"""
)
C1_ARTICLE_ADJECTIVES = words("big small red new old orange little blue")
C1_ARTICLE_THINGS = words("kite ball bag umbrella box cup book balloon")

# Class 3: the describing word before the noun decides a or an.
C3_ARTICLE_ADJECTIVES = words(
    "old angry enormous ugly injured hungry unusual huge little tiny young noisy clever"
)
C3_ARTICLE_ANIMALS = words("elephant owl cat dog camel parrot eagle ox insect ant cow tiger monkey")
# Sentences whose blank needs a or an by sound: silent h, "u" said as "you", "one" said as "won".
C3_ARTICLE_SOUND = lines(
    """
    Ravi waited for ____ hour at the bus stop.
    Kabir is ____ honest boy.
    It is ____ honour to meet you.
    Meera's sister studies at ____ university in Pune.
    Every student wears ____ uniform to school.
    Asha found ____ one-rupee coin on the road.
    Diya read a story about ____ unicorn.
    A cow is ____ useful animal.
    Grandpa gave me ____ umbrella.
    Priya has ____ uncle in Kolkata.
    Sneha rode ____ horse at the fair.
    We stayed in ____ house near the beach.
    Murugan gave ____ honest answer.
    The meeting lasted half ____ hour.
    Papa always wears ____ helmet on his scooter.
    This is ____ unique stamp.
    The bus will come in ____ hour.
    Tenzing has ____ one-eyed cat.
    Imran bought ____ ice-cream at the mela.
    The drawing showed ____ owl on a branch.
    Grandma told us ____ old story.
    Kabir wants to be ____ engineer.
    It was ____ honest mistake.
    We saw ____ unusual bird in the garden.
    It was ____ useful lesson.
    There is ____ hospital near our school.
    """
)
# Describing words where the sound, not the letter, decides: a useful ox, an ugly ox, a huge ox.
C3_ARTICLE_SOUND_ADJECTIVES = words("useful one-eyed unusual ugly hungry huge hairy")
# Sentences whose blank needs "the": one of a kind, or a superlative.
C3_ARTICLE_THE = lines(
    """
    We bathed in ____ Ganga at Haridwar.
    Look at ____ moon in the sky.
    Meera is ____ tallest girl in our class.
    Rohan was ____ first to reach school.
    Mount Everest is ____ highest mountain in the world.
    Ravi sat in ____ last row.
    This is ____ best mango I have ever eaten.
    The Taj Mahal is one of ____ most beautiful buildings.
    Arjun is ____ youngest in his family.
    We saw ____ Himalayas from the plane.
    The earth goes round ____ sun.
    Birds flew across ____ sky.
    Grandpa is ____ oldest person in our family.
    The cheetah is ____ fastest animal on land.
    """
)

# ---------------------------------------------------------------- capital letters, end marks
# Class 1: written correctly; the question shows them in small letters without the full stop.
C1_CAPITALS = lines(
    """
    The sun is hot.
    I like mangoes.
    The cat is black.
    We play in the park.
    My bag is blue.
    The dog can run.
    Birds fly in the sky.
    The mango is sweet.
    It is raining.
    My kite is red.
    The cow eats grass.
    We eat rice and dal.
    The baby is sleeping.
    The tea is hot.
    Look at the peacock.
    The rose is pink.
    I can see a bus.
    The sky is blue.
    The frog can jump.
    Fish live in water.
    Ravi has a red kite.
    Asha likes to sing.
    Meera drinks milk.
    Kabir can swim.
    Priya has a doll.
    Murugan is my friend.
    Fatima reads a book.
    Arjun plays with a ball.
    Diya is happy today.
    Rohan eats a banana.
    Lakshmi draws a flower.
    Imran has a new bag.
    Sneha can dance.
    Tenzing likes the snow.
    Ananya has a pet cat.
    I am Asha.
    My name is Ravi.
    This is Meera.
    Asha and I are friends.
    Kabir and Priya play together.
    I like Diwali.
    Ravi and I go to school.
    This is my friend Fatima.
    We went to Delhi.
    Sneha lives in Goa.
    The bus is late.
    We like to play.
    The fan is on.
    My cap is green.
    The ant is small.
    The duck can swim.
    My doll has a red dress.
    The moon is bright.
    We have a new teacher.
    She can sing.
    He has a kite.
    Gurpreet has a big drum.
    Ravi can ride a bicycle.
    Asha eats idli.
    Meera has a pet parrot.
    Kabir likes mangoes.
    Priya can jump high.
    Murugan has a blue bag.
    Diya is my sister.
    Imran plays cricket.
    Meera and I play together.
    My friend Kabir has a kite.
    This is Rohan.
    I live in Delhi.
    My sister is Diya.
    Ravi and Asha are happy.
    I met Priya today.
    We play with Imran.
    Murugan and I eat idli.
    I can see Fatima.
    Tenzing and Sneha can swim.
    My cat is Moti.
    Lakshmi lives in Goa.
    We like Holi.
    """
)
# Class 3: capitals for names, places, days, months and festivals, and the right end mark.
C3_PUNCTUATION = lines(
    """
    My cousin lives in Kolkata.
    Where is the Taj Mahal?
    We celebrate Onam in Kerala.
    Did Ravi go to Mumbai last Sunday?
    My birthday is in March.
    School reopens on Monday.
    When is Holi this year?
    Asha and I visited Jaipur in December.
    Is the Ganga a long river?
    Kabir reads the Panchatantra stories.
    How far is Agra from Delhi?
    Priya was born in August.
    Can Meera come to the party on Friday?
    The Yamuna flows through Delhi.
    Which river flows through Varanasi?
    Fatima celebrates Eid with her family.
    Murugan lives in Madurai.
    Do you go to school on Saturday?
    We saw the Qutub Minar in Delhi.
    Mount Everest is the highest mountain.
    Who wrote our national anthem?
    Rohan and I play football every Sunday.
    What did you buy at the Diwali mela?
    Gurpreet lives in Amritsar.
    The first month of the year is January.
    Is Tenzing from Sikkim?
    Lakshmi made a kolam for Pongal.
    Why was Imran absent on Tuesday?
    My uncle works in Chennai.
    We will go to Shimla in June.
    Does Diya like mangoes?
    Children fly kites on Makar Sankranti.
    Sneha's grandmother lives in Pune.
    Are you going to Kochi next week?
    Ananya has a cat named Moti.
    The Godavari is a long river in India.
    Where did you spend the holidays?
    I met my friend on Wednesday.
    How many days are there in February?
    Diya and I went to the zoo on Saturday.
    Is Diwali in October or November?
    When does the train reach Chennai?
    Who is the captain of India?
    Can Asha and I go to the fair on Sunday?
    Why did Arjun go to Lucknow?
    What did Fatima cook for Eid?
    Are Priya and Sneha sisters?
    Does the Ganga flow through Patna?
    Gurpreet and Imran play cricket on Sunday.
    Ananya went to Mysuru in October.
    Tenzing's family lives in Gangtok.
    Lakshmi and Diya celebrate Pongal in January.
    Rohan visits his grandparents in Nagpur every December.
    """
)
# Class 2: level; sentence. 1: statements and wh- questions, 2: yes/no questions,
# 3: statements that contain a question word or begin like an order.
C2_END_MARKS = rows(
    """
    1; I have a red pencil.
    1; The cat is on the wall.
    1; We go to school by bus.
    1; My mother makes tasty dosas.
    1; The peacock has colourful feathers.
    1; Ravi plays cricket every day.
    1; The baby is crying.
    1; Meera likes to read stories.
    1; It is very hot today.
    1; The auto-rickshaw is yellow.
    1; We eat dinner at eight.
    1; Grandpa tells us stories.
    1; What is your name?
    1; Where do you live?
    1; Who is your best friend?
    1; When does the bus come?
    1; Why are you sad?
    1; How old is your brother?
    1; Which colour do you like?
    1; Whose bag is this?
    1; What time is it?
    1; Where is my school bag?
    1; How are you today?
    1; My bag is on the chair.
    1; Asha has a new bicycle.
    1; The train is late.
    1; We planted a mango tree.
    1; Who took my pencil?
    1; What are you eating?
    1; Where are my shoes?
    1; Why is the baby crying?
    1; When will Papa come home?
    1; How many kites do you have?
    2; Is the milk hot?
    2; Can you swim?
    2; Do you like mangoes?
    2; Are you ready for school?
    2; Did you eat your lunch?
    2; Will it rain today?
    2; Does Kabir have a pet?
    2; Was the film funny?
    2; Have you seen my pencil?
    2; Is it your birthday today?
    3; I know where Asha lives.
    3; Tell me what you saw.
    3; Ravi asked who broke the glass.
    3; We saw how the potter makes pots.
    3; There is a nest in the tree.
    3; Please tell me your name.
    3; I wonder why the sky is blue.
    3; Amma asked where I was going.
    3; This is what I wanted.
    3; Sit down quietly.
    3; Ask Ravi where the ball is.
    3; I know who won the race.
    3; Show me how you did it.
    3; Nobody knows why the cat ran away.
    3; Meera told me what happened.
    3; Here is the book you wanted.
    """
)

# ---------------------------------------------------------------- naming and action words
# Each sentence has exactly one naming word (in brackets); its other words are not nouns.
C2_NOUN_SENTENCES = lines(
    """
    The [mango] is ripe and sweet.
    The little [puppy] sleeps.
    [Ravi] runs very fast.
    The [peacock] dances happily.
    My [kite] flies high.
    The [sun] shines brightly.
    The hungry [cat] mews loudly.
    The tiny [baby] laughs.
    [Asha] sings sweetly.
    The old [bus] moves slowly.
    The [water] is cold.
    The red [ball] bounces.
    The brown [horse] runs fast.
    The [bell] rings loudly.
    [Meera] writes neatly.
    The green [parrot] talks.
    The busy [bee] buzzes.
    The [milk] is hot.
    The soft [pillow] is white.
    The small [frog] jumps high.
    The [elephant] is big and grey.
    The [rain] falls softly.
    [Kabir] smiles happily.
    The yellow [flower] blooms.
    The [chapati] is soft and warm.
    The [rose] smells sweet.
    The [moon] looks bright.
    The [teacher] speaks kindly.
    The brown [cow] moos.
    The long [train] moves fast.
    The [lamp] glows brightly.
    The [auto-rickshaw] stops suddenly.
    The [umbrella] is wet.
    The clever [fox] runs away.
    My [bag] is very heavy.
    The [kulfi] melts quickly.
    [Priya] dances beautifully.
    The [doctor] is kind.
    The [tiger] roars loudly.
    The [duck] swims slowly.
    The sleepy [owl] hoots.
    The naughty [monkey] jumps.
    The [tea] is too hot.
    """
)
# Each sentence has exactly one action word (in brackets).
C2_VERB_SENTENCES = lines(
    """
    Ravi [kicks] the ball.
    The baby [drinks] milk.
    Asha [reads] a storybook.
    The dog [barks] at night.
    Grandma [cooks] tasty dal.
    The children [play] in the park.
    Kabir [climbs] the tree.
    The peacock [dances] in the rain.
    Meera [paints] a flower.
    The farmer [ploughs] the field.
    The girls [skip] in the playground.
    Murugan [rides] his bicycle.
    The cat [catches] a mouse.
    Fatima [writes] a letter.
    The birds [fly] in the sky.
    We [eat] chapati for dinner.
    The frog [jumps] into the pond.
    Priya [sings] a song.
    The cow [eats] green grass.
    Papa [washes] the car.
    The boys [swim] in the river.
    Arjun [throws] the ball.
    The teacher [opens] the door.
    Lakshmi [draws] a rangoli.
    The monkey [eats] a banana.
    The baby [sleeps] in the cradle.
    Diya [waters] the plants.
    The horse [pulls] the cart.
    Imran [carries] a heavy bag.
    The sparrow [builds] a nest.
    Sneha [claps] her hands.
    The bus [stops] at the gate.
    Tenzing [drinks] hot tea.
    The ducks [swim] in the lake.
    Ananya [cuts] the cake.
    The gardener [digs] the soil.
    The cook [fries] pakoras.
    Gurpreet [plays] the dhol.
    The sun [rises] in the east.
    The postman [brings] letters.
    Rohan [ties] his shoelaces.
    """
)
# Small words that are never offered as a choice of naming or action word.
FUNCTION_WORDS = frozenset(
    words(
        """the a an my his her our their your its we i he she it they you in at on into of for
        to is are am was were and very too"""
    )
)

# Class 3: every noun in brackets; names, places, days, months and festivals have capitals.
C3_NOUN_SENTENCES = lines(
    """
    [Kabir] lives in [Chennai] with his [grandmother].
    [Asha] bought a [saree] for [Diwali].
    The [Ganga] is a holy [river].
    My [uncle] works in [Mumbai].
    [Ravi] reads the [newspaper] every [Sunday].
    We visited the [Taj Mahal] in [Agra].
    Our [teacher] told us a [story] about [Akbar].
    [Meera] has a [parrot] named [Mithu].
    The [Himalayas] are the highest [mountains] in the [world].
    [Diya] goes to [school] by [bus].
    [Murugan] celebrates [Pongal] with his [family].
    The [monsoon] reaches [Kerala] in [June].
    [Fatima] drank [lassi] at the [dhaba].
    [Imran] plays [cricket] with his [cousins].
    The [capital] of [India] is [New Delhi].
    [Priya] wrote a [letter] to her [grandfather] in [Lucknow].
    The [peacock] is the national [bird] of [India].
    [Sneha] was born in [March].
    [Arjun] saw a [tiger] at [Ranthambore].
    [Rohan] and his [sister] went to the [zoo] on [Saturday].
    [Gurpreet] lives on a [farm] in [Punjab].
    [Lakshmi] made [idlis] for [breakfast].
    The [Yamuna] flows past the [Taj Mahal].
    [Tenzing] climbed a [hill] near [Darjeeling].
    [Ananya] read a [book] about [Mahatma Gandhi].
    My [mother] buys [vegetables] at the [market] on [Tuesday].
    [Kabir] flew a [kite] on [Makar Sankranti].
    The [train] to [Kolkata] leaves at [noon].
    [Diwali] is the [festival] of [lights].
    [Ravi] sent a [parcel] to [Bengaluru].
    Our [school] has a big [library].
    [Meera] bought [bangles] at the [fair] in [Jaipur].
    [Arjun] takes his [dog] for a [walk] every [evening].
    [Fatima] celebrates [Eid] with her [neighbours].
    The [farmer] sells his [mangoes] in [Ratnagiri].
    [Priya] learns [Kathak] from her [aunt].
    The [Red Fort] is in [Delhi].
    [Rohan]'s [father] drives a [bus] in [Pune].
    """
)

# ---------------------------------------------------------------- verbs
# verb; what follows it in "Yesterday, <name> ____ <rest>." (Class 3, regular past)
REGULAR_VERBS = rows(
    """
    play; cricket with friends
    walk; to the market
    jump; over the puddle
    cook; dal and rice
    clean; the classroom
    wash; the dishes
    help; Grandma in the kitchen
    watch; a cartoon on TV
    paint; a picture of a peacock
    open; the window
    climb; the mango tree
    pick; flowers in the garden
    kick; the ball
    talk; to the teacher
    look; at the moon
    visit; the zoo
    fill; the water bottle
    dance; at the wedding
    smile; at the baby
    bake; a cake
    close; the door
    move; the chair
    tie; a ribbon on the gift
    dry; the clothes in the sun
    cry; for a long time
    carry; a heavy school bag
    hurry; to catch the bus
    copy; the words from the board
    study; for the test
    worry; about the test
    fry; pakoras for everyone
    stop; near the temple
    clap; for the singers
    hop; on one leg
    drop; the glass
    plan; a picnic
    shop; for new clothes
    hug; Grandpa
    rub; the table with a cloth
    skip; with a rope
    nod; at the teacher
    travel; to Jaipur by train
    enjoy; the fair
    stay; at Grandma's house
    pray; at the temple
    obey; the rules
    listen; to a story
    plant; a tree
    wait; for the bus
    count; the mangoes
    call; Grandma on the phone
    push; the cart
    pull; the rope
    shout; for help
    laugh; at the joke
    learn; a new song
    answer; the question
    wave; at the train
    share; the sweets
    save; some money
    race; to the gate
    use; a new pen
    arrive; late
    tidy; the room
    empty; the dustbin
    reply; to the letter
    jog; in the park
    chat; with Grandpa
    grab; the rope
    pat; the puppy
    trip; over a stone
    slip; on the wet floor
    chop; the onions
    step; into the puddle
    tap; on the door
    spray; water on the plants
    """
)
# Verbs whose last consonant is doubled before -ed and -ing (a short stressed vowel before one
# consonant; and, in British spelling, a final l after one vowel: travelled).
DOUBLE_FINAL = frozenset(
    words(
        """stop clap hop drop plan shop hug rub skip nod travel run swim sit cut dig jog stir
        chat shut begin grab pat trip slip chop step tap"""
    )
)
# base; past; past participle; what follows in "Yesterday, <name> ____ <rest>." (Class 4)
IRREGULAR_VERBS = rows(
    """
    go; went; gone; to the fair
    eat; ate; eaten; a plate of poha
    drink; drank; drunk; a glass of lassi
    see; saw; seen; a peacock in the garden
    write; wrote; written; a poem
    sing; sang; sung; a song at the assembly
    swim; swam; swum; in the pond
    run; ran; run; to the bus stop
    come; came; come; home late
    take; took; taken; an auto-rickshaw to the station
    give; gave; given; a gift to Grandma
    fly; flew; flown; a kite on the terrace
    bring; brought; brought; sweets for everyone
    buy; bought; bought; bangles at the fair
    catch; caught; caught; a fish
    teach; taught; taught; us a new game
    think; thought; thought; about the holidays
    sleep; slept; slept; early
    sit; sat; sat; under the banyan tree
    stand; stood; stood; in the queue
    find; found; found; a coin on the road
    make; made; made; a rangoli
    tell; told; told; a funny story
    break; broke; broken; a glass
    ride; rode; ridden; a camel in Jaisalmer
    throw; threw; thrown; the ball
    grow; grew; grown; tomatoes in pots
    draw; drew; drawn; a map of India
    know; knew; known; the answer
    wear; wore; worn; a new kurta
    tear; tore; torn; the paper
    speak; spoke; spoken; to the principal
    wake; woke; woken; up at six
    get; got; got; a prize
    lose; lost; lost; a pencil
    feel; felt; felt; happy
    keep; kept; kept; the books on the shelf
    send; sent; sent; a letter
    build; built; built; a sandcastle
    spend; spent; spent; the day at the beach
    hear; heard; heard; a strange noise
    read; read; read; a storybook
    cut; cut; cut; the cake
    put; put; put; the plates on the table
    hit; hit; hit; the ball hard
    begin; began; begun; to cry
    ring; rang; rung; the bell
    blow; blew; blown; out the candles
    leave; left; left; for school at seven
    meet; met; met; an old friend
    feed; fed; fed; the stray dog
    forget; forgot; forgotten; to bring the homework
    shake; shook; shaken; hands with the guest
    """
)
# Class 4 tenses: base; past; what follows the verb. All work with any person as subject.
TENSE_VERBS = rows(
    """
    go; went; to the market
    eat; ate; idli for breakfast
    play; played; kabaddi
    watch; watched; the birds
    help; helped; our neighbours
    visit; visited; the temple
    study; studied; in the library
    fly; flew; kites
    have; had; lunch at one o'clock
    do; did; homework
    wash; washed; clothes
    write; wrote; a letter to Grandma
    drink; drank; a glass of milk
    buy; bought; vegetables from the market
    catch; caught; the school bus
    water; watered; the plants
    ride; rode; to school in an auto-rickshaw
    sing; sang; in the school choir
    cook; cooked; dinner
    feed; fed; the cows
    take; took; the dog for a walk
    make; made; paper boats
    carry; carried; water from the well
    swim; swam; in the river
    """
)
TENSE_TIMES = {
    "present": ("Every day", "Every morning", "On Sundays", "Every evening"),
    "past": ("Yesterday", "Last Sunday", "Last week", "Yesterday evening"),
    "future": ("Tomorrow", "Next Sunday", "Next week", "Tomorrow evening"),
}
# verb; what follows it in "<time>, <subject> is/was ____ing <rest>." (Class 5)
CONTINUOUS_VERBS = rows(
    """
    write; a letter
    dance; on the stage
    run; in the park
    swim; in the pool
    sit; on the bench
    cut; vegetables
    shop; for Diwali
    play; cricket
    read; a storybook
    eat; lunch
    cook; dinner
    make; a paper boat
    ride; a bicycle
    take; photos
    lie; on the grass
    tie; a rope to the tree
    travel; to Shimla
    clean; the room
    watch; TV
    fly; kites
    study; for the test
    sleep; under the fan
    wait; for the bus
    dig; a hole in the garden
    hop; on one leg
    plan; a surprise party
    jog; in the park
    visit; the museum
    listen; to music
    open; the gifts
    water; the plants
    draw; a picture
    fix; the fan
    pray; at the temple
    skate; in the park
    smile; at the camera
    chat; on the phone
    shut; the windows
    stir; the kheer
    bake; a cake
    """
)
CONTINUOUS_TIMES = {
    "present": ("Look!", "Right now,", "At the moment,"),
    "past": (
        "At seven o'clock yesterday,",
        "When the guests arrived,",
        "When the phone rang,",
        "At this time last Sunday,",
    ),
}

# ---------------------------------------------------------------- subject–verb agreement
# subject; kind (people or animals); level (1 simple, 2 joined by "and", 3 tricky);
# number: one, many, I or you (I and you take the plural verb, and "am")
AGREEMENT_SUBJECTS = rows(
    """
    The boy; people; 1; one
    The boys; people; 1; many
    My sister; people; 1; one
    My sisters; people; 1; many
    The teacher; people; 1; one
    The teachers; people; 1; many
    The children; people; 1; many
    The girl; people; 1; one
    The girls; people; 1; many
    My friends; people; 1; many
    They; people; 1; many
    We; people; 1; many
    He; people; 1; one
    She; people; 1; one
    You; people; 1; you
    I; people; 1; I
    Ravi and Meera; people; 2; many
    Asha and her brother; people; 2; many
    My cousin and I; people; 2; many
    The men; people; 2; many
    The women; people; 2; many
    Each student; people; 3; one
    Every child; people; 3; one
    One of the boys; people; 3; one
    Everyone in my class; people; 3; one
    The leader of the scouts; people; 3; one
    The coach of the players; people; 3; one
    The dog; animals; 1; one
    The dogs; animals; 1; many
    The peacock; animals; 1; one
    The peacocks; animals; 1; many
    The cow; animals; 1; one
    The cows; animals; 1; many
    The monkey; animals; 1; one
    The monkeys; animals; 1; many
    The mice; animals; 2; many
    The parrot and the crow; animals; 2; many
    Each puppy; animals; 3; one
    One of the elephants; animals; 3; one
    The mother of the kittens; animals; 3; one
    """
)
# verb (base, or "be" / "be_past"); what follows; kind of subject it suits
AGREEMENT_PREDICATES = rows(
    """
    go; to the market by bus; people
    play; kho-kho in the evening; people
    be; very happy today; people
    have; lunch at one o'clock; people
    do; yoga every morning; people
    watch; cartoons on Sundays; people
    like; mango ice-cream; people
    help; in the kitchen; people
    walk; to the park every evening; people
    study; in the library; people
    live; near the railway station; people
    want; to visit the zoo; people
    catch; the bus at seven; people
    fly; kites on Makar Sankranti; people
    be; in the playground; people
    be_past; at the fair yesterday; people
    be_past; late for school yesterday; people
    eat; dosa for breakfast; people
    sing; in the school choir; people
    drink; water from the pond; animals
    sleep; under the tree; animals
    be; hungry; animals
    like; the cool shade; animals
    run; across the field; animals
    come; to our garden every morning; animals
    be_past; thirsty after the long walk; animals
    """
)
# Plural nouns that do not end in -s.
IRREGULAR_PLURAL_SET = frozenset(words("children people men women mice geese feet teeth oxen"))

# ---------------------------------------------------------------- collective nouns
# collective; also right; wrong choices; sentence with the blank ("a ____ of <noun>")
COLLECTIVES = rows(
    """
    flock; ; swarm|bunch; The shepherd led a ____ of sheep to the hills.
    herd; ; flock|swarm; A ____ of cows blocked the road.
    swarm; ; herd|pack; A ____ of bees buzzed around the hive.
    pride; ; flock|bunch; We saw a ____ of lions at Gir.
    pack; ; herd|bunch; A ____ of wolves howled at night.
    troop; ; flock|fleet; A ____ of monkeys jumped onto the temple roof.
    herd; ; swarm|flock; A ____ of elephants came to the river.
    school; shoal; herd|flock; A ____ of fish swam past the boat.
    bunch; cluster; herd|flock; Asha bought a ____ of grapes.
    bunch; ; swarm|fleet; The watchman has a ____ of keys.
    bouquet; bunch; herd|pack; Priya gave her teacher a ____ of flowers.
    fleet; ; flock|bunch; A ____ of ships sailed into the harbour.
    team; ; herd|swarm; Our school has a strong ____ of players.
    crowd; ; fleet|bouquet; A ____ of people gathered to watch the parade.
    band; ; herd|swarm; A ____ of musicians played at the wedding.
    choir; ; herd|pack; A ____ of singers sang the national anthem.
    class; ; herd|fleet; Our teacher took a ____ of students to the museum.
    army; ; herd|bunch; The ____ of soldiers marched on Republic Day.
    gang; ; flock|bouquet; A ____ of thieves was caught by the police.
    pair; ; bunch|flock; Ravi bought a new ____ of shoes.
    litter; ; herd|flock; Our dog had a ____ of puppies.
    colony; army; flock|fleet; A ____ of ants lives under the stone.
    bundle; ; flock|pride; The woodcutter carried a ____ of sticks.
    string; ; herd|pack; Grandma wears a ____ of pearls.
    pile; heap; flock|fleet; A ____ of clothes lay on the bed.
    gaggle; flock; pride|herd; A ____ of geese waddled to the pond.
    panel; ; flock|herd; A ____ of judges chose the winner.
    herd; ; swarm|pack; A ____ of buffaloes was resting in the pond.
    fleet; ; herd|bouquet; The school has a ____ of buses.
    flight; ; herd|bunch; We climbed a ____ of stairs to the temple.
    """
)

# ---------------------------------------------------------------- apostrophes
# full form; sentence with the blank (Class 5 contractions)
CONTRACTIONS = rows(
    """
    does not; Meera ____ like bitter gourd.
    did not; We ____ go out in the rain.
    cannot; I ____ find my pencil.
    will not; Ravi ____ come to school tomorrow.
    should not; You ____ touch the hot iron.
    was not; The shop ____ open yesterday.
    are not; They ____ at home now.
    is not; It ____ raining any more.
    have not; The children ____ finished their lunch.
    has not; Asha ____ seen the new film.
    could not; We ____ hear the bell.
    would not; The puppies ____ sleep last night.
    were not; The mangoes ____ ripe yet.
    do not; I ____ know the answer.
    I am; ____ ready for the picnic.
    we are; Today ____ going to the mela.
    it is; I think ____ going to rain.
    he is; Kabir says ____ coming with us.
    you are; I hope ____ coming to my party.
    they are; I think ____ hungry.
    she will; Priya says ____ bring her kite tomorrow.
    we will; I know ____ win the match.
    I will; ____ help you with your homework.
    they will; Tomorrow ____ visit the zoo.
    I have; ____ already eaten my lunch.
    Let us; ____ play kabaddi after school.
    That is; ____ my new school bag.
    What is; ____ your name?
    There is; ____ a nest in the mango tree.
    We have; ____ finished our project.
    """
)
# Words written wrongly for a short form because they sound the same.
SOUND_ALIKE = {"it's": "its", "you're": "your", "they're": "their", "we're": "were"}
# owner; thing owned (Class 5 possessives)
POSSESSIVES = rows(
    """
    the peacock; tail
    Ravi; kite
    my sister; doll
    the teacher; chair
    the cow; calf
    the baby; toy
    the farmer; field
    the king; crown
    Meera; bicycle
    the dog; bone
    Kabir; cricket bat
    the girl; ribbon
    Grandpa; spectacles
    the boy; school bag
    the girls; hostel
    the boys; school bags
    the players; shoes
    the birds; nests
    the farmers; tractors
    my parents; room
    the teachers; staff room
    the students; notebooks
    the monkeys; tricks
    the children; park
    the women; team
    the men; shoes
    the people; choice
    """
)

# ---------------------------------------------------------------- direct speech
# kind (statement or question); spoken words, written without their end mark
SPOKEN = rows(
    """
    statement; I am hungry
    statement; The bus is late today
    statement; I have finished my homework
    statement; My kite is stuck in the tree
    statement; We are going to Mysuru tomorrow
    statement; The monsoon has arrived
    statement; I can see a rainbow
    statement; Grandma is making halwa
    statement; This mango is very sweet
    statement; I lost my blue pencil
    statement; The peacock is dancing in the rain
    statement; Our team won the match
    statement; The train leaves at nine
    statement; I will bring my cricket bat
    statement; The auto-rickshaw is waiting outside
    statement; My little brother is sleeping
    statement; The shop opens at ten
    statement; We must save water
    statement; I like reading stories
    statement; The library is closed on Sunday
    question; Where is my school bag
    question; What time is it
    question; Can I borrow your eraser
    question; Who ate the last ladoo
    question; When does the school bus come
    question; Why is the sky blue
    question; How many mangoes are in the basket
    question; Is it raining outside
    question; Are you coming to the mela
    question; Do you like chapati with dal
    question; Which way is the railway station
    question; Have you fed the cat
    question; Will you play carrom with me
    question; Whose umbrella is this
    question; Did you see the rainbow
    question; What is your name
    """
)
SAYING_VERBS = ("said", "whispered", "replied")

# ---------------------------------------------------------------- commas in lists
# sentence with {items} where the list goes; the things that can be listed
COMMA_FRAMES = rows(
    """
    {name} bought {items} at the market.; mangoes bananas apples grapes guavas oranges papayas
    My school bag has {items}.; books pencils erasers crayons notebooks rulers sharpeners
    We saw {items} at the zoo.; lions tigers elephants zebras giraffes monkeys bears crocodiles
    We play {items} in the evening.; cricket football kabaddi kho-kho carrom badminton chess
    Grandma made {items} for Diwali.; ladoos kheer halwa jalebis samosas puris pakoras
    {name} saw {items} in the garden.; sparrows crows parrots pigeons mynas peacocks bees
    We visited {items} during the holidays.; Jaipur Agra Delhi Shimla Mysuru Kochi Puri Chennai Goa
    The shop sells {items}.; pens pencils notebooks erasers bags rulers crayons envelopes
    My favourite colours are {items}.; red blue green yellow orange purple pink
    We study {items} at school.; English Hindi Maths EVS Art Music
    {name} packed {items} for the picnic.; sandwiches apples biscuits juice chips idlis parathas
    Amma bought {items} for the sambar.; onions tomatoes carrots beans brinjals drumsticks potatoes
    """
)

# ---------------------------------------------------------------- jumbled sentences
# One sentence a line; "|" adds another order that is also right (on the next line if long).
ORDER_C1 = lines(
    """
    I like mangoes.
    Ravi has a kite.
    The sun is hot.
    Asha can sing.
    The cat is black.
    I see a peacock.
    We love chapatis.
    Meera drinks milk.
    The bag is red.
    Kabir can run.
    Birds can fly.
    The dog barks.
    My kite is blue.
    I have a pen.
    Fish live in water.
    The baby is sleeping.
    Ravi eats a banana.
    It is raining.
    The cow gives milk.
    Priya has a doll.
    I go to school.
    The mango is sweet.
    Look at the moon.
    The sky is blue.
    We play cricket.
    Ducks can swim.
    My name is Asha.|Asha is my name.
    Murugan rides a bicycle.
    The tea is hot.
    I love my mother.
    The frog jumps high.
    Diya draws a flower.
    The bus is yellow.
    Open the door.
    The tree is tall.
    I can read.
    Fatima sings a song.
    The ball is round.
    We eat rice.
    The lion roars.
    Rohan has a top.
    The rose is red.
    Grandpa reads the newspaper.
    Monkeys eat bananas.
    Sneha likes ice-cream.
    """
)
ORDER_C2 = lines(
    """
    The peacock dances in the rain.
    Asha is my best friend.|My best friend is Asha.
    We fly kites in January.|In January we fly kites.
    The monkey climbs the tree.
    My mother makes tasty idlis.
    Kabir goes to school by bus.
    The elephant has a long trunk.
    I drink milk every morning.|Every morning I drink milk.
    Where is my school bag?
    The train is very long.
    Ravi is reading a storybook.
    Fatima waters the plants daily.
    The baby is sleeping now.|Now the baby is sleeping.
    Can you help me?
    The cat is under the table.
    Meera has a yellow umbrella.
    The farmer grows rice.
    Do you like mangoes?
    My father drives an auto-rickshaw.
    The stars shine at night.|At night the stars shine.
    Murugan plays the mridangam.
    The bird is in its nest.
    What is your name?
    The bees make sweet honey.
    Grandma tells us stories.
    The dog is wagging its tail.
    We celebrate Diwali with lights.
    Priya wears a blue frock.
    The river is very wide.
    Who is your class teacher?
    The parrot is eating a chilli.
    I brush my teeth daily.
    My kite is in the tree.
    Rohan kicked the football.
    How old are you?
    The sweets are in the box.
    Arjun has two pet rabbits.
    The shop opens at nine.
    Is the milk hot?
    We sit on the mat.
    The cow eats green grass.
    Lakshmi is a good dancer.
    Diya lives in a village.
    Where do you live?
    """
)
ORDER_C3 = lines(
    """
    The children are playing in the park.
    My grandmother tells wonderful stories at night.
    |At night my grandmother tells wonderful stories.
    Ravi and Meera went to the fair.|Meera and Ravi went to the fair.
    The monsoon brings a lot of rain.
    We must drink clean water every day.|Every day we must drink clean water.
    Did you finish your homework?
    The peacock is our national bird.|Our national bird is the peacock.
    Kabir broke his new pencil.
    The farmer ploughs his field with oxen.
    Why are you late today?
    Asha bought fresh vegetables from the market.
    The postman brings letters to our house.
    My uncle lives in a big city.
    Wash your hands before eating.
    The bus stops near our school.
    Which fruit do you like best?
    The cat drank all the milk.
    Fatima is the tallest in our class.
    We visited the Red Fort last year.|Last year we visited the Red Fort.
    The baby is crying loudly.
    Tenzing lives in the hills.
    The school bell rings at eight.
    Lakshmi draws beautiful rangolis on Pongal.|On Pongal Lakshmi draws beautiful rangolis.
    Can you lend me your eraser?
    An owl can see at night.|At night an owl can see.
    The cook is frying hot pakoras.
    Gurpreet plays the dhol at weddings.|At weddings Gurpreet plays the dhol.
    The rabbit hopped into its hole.
    Who left the door open?|Who left open the door?
    My sister is good at painting.
    The sun sets in the west.
    Elephants have very big ears.
    Imran helped his father in the shop.
    The leaves turn yellow in autumn.|In autumn the leaves turn yellow.
    How many books did you read?
    We wear warm clothes in winter.|In winter we wear warm clothes.
    The mango tree is full of fruit.
    Sneha cleaned her room this morning.|This morning Sneha cleaned her room.
    The doctor gave me some medicine.
    Ananya is learning to play the flute.
    The camel can walk in the desert.
    Rohan forgot his tiffin at home.
    """
)
ORDER_C4 = lines(
    """
    Our school remains closed on Sunday.|On Sunday our school remains closed.
    The farmers are waiting for the monsoon rains.
    My brother and I share a room.
    The train to Chennai was three hours late.
    Have you ever seen a real tiger?
    Grandpa reads the newspaper after breakfast.|After breakfast Grandpa reads the newspaper.
    The little girl was afraid of the dark.
    We planted ten trees in our colony.
    The shopkeeper gave me the wrong change.
    Where did you keep my blue umbrella?
    The clever crow dropped pebbles into the pot.
    Kabir wants to become a pilot.
    The museum has a large collection of coins.
    My mother buys vegetables from the weekly market.
    The old bridge over the river is broken.
    Why did the bus stop suddenly?|Why did the bus suddenly stop?
    The audience cheered for the young dancers.
    A group of boys is playing kabaddi.
    Meera wrote a letter to her grandmother.
    The mangoes in this basket are very sweet.
    Lakshmi practises the veena every evening.|Every evening Lakshmi practises the veena.
    The pilot landed the plane at Delhi airport.
    Will you come to my birthday party?
    The fisherman caught a big fish today.|Today the fisherman caught a big fish.
    Murugan's father is a famous potter.
    The road was wet after the rain.|After the rain the road was wet.
    We should never waste food or water.|We should never waste water or food.
    How far is the railway station from here?|How far from here is the railway station?
    The cat jumped over the wall.
    My cousin lives in a village near Pune.
    The doctor asked Ravi to rest.
    Ants work hard all day long.|All day long ants work hard.
    The teacher praised Asha for her neat handwriting.
    Which is the longest river in India?
    The peacock spread its beautiful feathers.
    Diya's kite flew higher than the others.
    Our neighbour has a friendly brown dog.
    The baby elephant followed its mother everywhere.
    Arjun saved money to buy a bicycle.
    The bus conductor gave us our tickets.
    Never pluck flowers in the park.
    The sky turned dark before the storm.|Before the storm the sky turned dark.
    """
)
ORDER_C5 = lines(
    """
    The students were excited about the school trip to Mysuru.
    My grandparents live in a small house near the temple.
    Priya has been learning Bharatanatyam for three years.
    |For three years Priya has been learning Bharatanatyam.
    Did you remember to switch off the lights?
    Heavy rain flooded the streets of our town.
    The honest boy returned the purse to its owner.
    We must take care of our environment.
    Which team won the cricket match yesterday?
    Fatima is the best singer in our school.|The best singer in our school is Fatima.
    The old man sat on a bench in the park.
    Kabir was reading a book in the library.
    The villagers dug a new well for drinking water.
    How long does it take to reach Delhi?
    The tailor stitched a beautiful dress for my sister.
    Our class is going on a picnic tomorrow.|Tomorrow our class is going on a picnic.
    The little boy was afraid of crossing the busy road.
    Everyone enjoyed the puppet show at the mela.
    The thirsty crow found a pot with little water.
    Why do leaves change colour in autumn?
    My father repairs old radios in his small shop.
    The tiger is the national animal of India.|The national animal of India is the tiger.
    Gurpreet has won three medals in running races.
    We should be kind to animals and birds.|We should be kind to birds and animals.
    Grandma was making hot jalebis for the guests.
    The Himalayas are the highest mountains in the world.
    |The highest mountains in the world are the Himalayas.
    Who taught you to play the harmonium so well?
    The children planted saplings along the school wall.
    The river was flowing fast after the heavy rain.
    |After the heavy rain the river was flowing fast.
    Ananya wants to become a scientist like her aunt.
    The flower seller sells garlands near the temple.
    Have you ever been to the Taj Mahal?
    The brave soldiers guard our borders day and night.
    |Day and night the brave soldiers guard our borders.
    My friend and I went cycling in the evening.|In the evening my friend and I went cycling.
    The cook added too much salt to the dal.
    A swarm of bees attacked the naughty monkey.
    Imran forgot to bring his library book today.|Today Imran forgot to bring his library book.
    The postwoman delivers letters to every house in our lane.
    What were you doing at the railway station?
    The elephants were bathing in the cool river.
    Rohan practised hard and won the chess competition.
    Snow covers the mountains of Kashmir in winter.|In winter snow covers the mountains of Kashmir.
    The farmer sold his vegetables at a good price.
    """
)
