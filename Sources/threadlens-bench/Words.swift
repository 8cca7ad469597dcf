/// Word lists and sentence templates for the benchmark corpus, written for this project.
/// `{slot}` in a template is filled from `slots[slot]` (or a number/URL generator, see
/// `CorpusGenerator.value(for:)`). The vocabulary imitates phone-forum talk about brands, shops,
/// prices and shipping, in English and Chinese, so that ICU's dictionary sees realistic words.
enum Words {
    static let slots: [String: [String]] = [
        "brand": ["Xiaomi", "Huawei", "OnePlus", "Meizu", "Oppo", "Vivo", "Lenovo", "ZTE", "Honor", "Realme", "Apple", "Samsung"],
        "product": ["phone", "tablet", "band", "power bank", "router", "TV box", "scooter", "air purifier", "rice cooker", "fridge", "vacuum", "earbuds", "smartwatch"],
        "shop": ["the official store", "an Aliexpress seller", "a Taobao shop", "some eBay reseller", "the local mall", "a grey market importer", "Amazon", "a Telegram group", "an authorised dealer", "a guy on Craigslist"],
        "adj": ["great", "terrible", "decent", "awful", "solid", "flimsy", "amazing", "mediocre", "overpriced", "cheap", "reliable", "buggy", "smooth", "laggy", "gorgeous", "ugly"],
        "feature": ["battery", "camera", "screen", "build quality", "software", "charging speed", "speaker", "fingerprint sensor", "GPS", "modem", "warranty", "update schedule", "price"],
        "feeling": ["love", "hate", "like", "can't stand", "don't mind", "really enjoy", "regret buying"],
        "person": ["my brother", "my wife", "a friend of mine", "my boss", "my neighbour", "the guy at the counter", "my cousin in Shenzhen", "the delivery driver"],
        "time": ["last week", "two months ago", "yesterday", "during the flash sale", "on Singles' Day", "before Christmas", "last year", "this morning"],
        "carrier": ["DHL", "EMS", "China Post", "FedEx", "UPS", "SF Express", "a local courier"],
        "place": ["India", "Spain", "Brazil", "the US", "Germany", "Russia", "Malaysia", "the UK", "Indonesia", "Poland", "Italy"],
        "verdict": ["Totally worth it.", "Never again.", "Would buy again.", "Meh.", "Not bad at all!", "Avoid!!!", "Can't complain.", "So disappointed...", "Highly recommended.", "Just my two cents."],
        "cbrand": ["小米", "华为", "一加", "魅族", "荣耀", "联想", "中兴", "苹果", "三星", "红米", "vivo", "OPPO"],
        "cproduct": ["手机", "平板", "手环", "充电宝", "路由器", "电视盒子", "平衡车", "空气净化器", "电饭煲", "冰箱", "扫地机器人", "耳机", "手表"],
        "cshop": ["官方旗舰店", "淘宝小店", "京东自营", "拼多多", "黄牛", "代购", "实体店", "天猫旗舰店", "授权经销商", "闲鱼卖家"],
        "cadj": ["不错", "太差了", "一般般", "非常好", "很卡", "很流畅", "太贵了", "挺便宜的", "做工粗糙", "质量很好", "性价比很高", "有点失望"],
        "cfeature": ["电池", "拍照", "屏幕", "做工", "系统", "充电速度", "扬声器", "指纹识别", "信号", "售后服务", "系统更新", "价格", "包装"],
        "ctime": ["上个星期", "两个月前", "昨天", "双十一的时候", "去年", "今天早上", "抢购的时候", "春节前"],
        "ccarrier": ["顺丰", "京东物流", "中通", "圆通", "邮政", "申通", "韵达"],
        "cplace": ["北京", "上海", "深圳", "广州", "成都", "杭州", "武汉", "西安", "香港", "台湾", "南京", "重庆"],
        "cperson": ["我老婆", "我同事", "朋友", "我哥", "我妈", "室友", "邻居", "客服"],
        "cverdict": ["值得买！", "再也不买了。", "还会回购的。", "一般吧。", "还可以！", "千万别买！！", "没什么好抱怨的。", "太失望了……", "强烈推荐！", "仅供参考。"],
    ]

    static let englishTemplates: [String] = [
        "I bought my {brand} {product} from {shop} {time} and it's {adj}.",
        "The {feature} on this {product} is {adj}, but the {feature} is {adj}.",
        "{brand} should stop selling through {shop}, the markup is insane.",
        "Paid ${price} for it, which is about {percent} more than the launch price.",
        "Mine arrived after {days} days with {carrier}, box slightly dented but the {product} works.",
        "Does anyone know if the {model} supports the LTE bands in {place}?",
        "I {feeling} the {feature}. {verdict}",
        "{person} got one from {shop} and the {feature} died after {count} weeks.",
        "Is {shop} legit? They want ${price} and say it ships from {place}.",
        "Honestly the {model} is the best {product} I've owned since {year}.",
        "Update to MIUI {version} fixed the {feature} issue for me, YMMV.",
        "Why would anyone pay {percent} extra just to get it a week earlier?",
        "Check {url} before you order, they list the real prices.",
        "The official site says out of stock again... typical.",
        "Returned it. The {feature} was {adj} and {shop} refused to refund the shipping.",
        "Not sure why people complain, my {product} has been {adj} for {count} months.",
        "If you're in {place}, just wait for the official launch; it's cheaper in the end.",
        "Got the {model} for ${price} during the sale (it was ${price} the week before).",
        "Customer service at {shop} is {adj}; took {days} days to answer a simple question.",
        "Tried three times in the flash sale and lost every time. Bots everywhere.",
        "\u{201C}Original and sealed\u{201D} they said. It came with a Chinese ROM and no warranty.",
        "The {feature} is {adj} and the {feature} is {adj}, so overall it's {adj}.",
        "Is it just me or is the {brand} {product} getting more expensive every year?",
        "I don't trust resellers anymore, I'll only buy from the official store.",
        "My {model} still gets updates in {year}, can't say that about my old {brand}.",
        "Ordered on the 11.11 sale, shipped with {carrier} and arrived in {days} days. {verdict}",
        "Compared to the {model}, this one has a {adj} {feature} but a {adj} {feature}.",
        "Anyone else getting the {feature} bug after the {version} update? Mine reboots randomly.",
        "For ${price} you can't really expect a {adj} {feature}, to be fair.",
        "Warranty is void if you buy from {shop}, read the fine print!",
        "{brand} really needs to sort out distribution in {place}, nobody can find stock.",
        "It's 2:30am and I'm still refreshing the store page lol",
        "Sold mine to {person} for ${price}, didn't lose much.",
        "The box said {model} but inside was a refurbished unit with scratches.",
        "Global version or China version? The China one lacks Google apps.",
        "Prices dropped about {percent} right after the launch hype died down.",
        "I've had {count} {brand} devices and the {feature} was never this {adj}.",
        "Seriously, the {feature} alone makes it worth the upgrade.",
        "Can confirm: {shop} shipped a fake. IMEI didn't even match the box.",
        "Wait for the reviews, the first batch always has {feature} problems.",
    ]

    static let englishOpeners: [String] = ["Honestly,", "TBH", "Well,", "Lol,", "Meh.", "So...", "Agreed.", "Nope.", "Exactly!", "IMO"]

    static let chineseTemplates: [String] = [
        "我{ctime}在{cshop}买的{cbrand}{cproduct}，{cfeature}{cadj}。",
        "{cfeature}{cadj}，但是{cfeature}{cadj}。",
        "{cshop}的价格比官网贵了{percent}，太坑了！",
        "等了{days}天才发货，{ccarrier}还算快。",
        "有人知道{cbrand}的{cproduct}在{cplace}哪里能买到吗？",
        "{cperson}也买了一台，用了{count}个月{cfeature}就坏了。",
        "官网一直显示缺货，抢了三次都没抢到。",
        "这个价格{yuan}元还能接受，{cverdict}",
        "黄牛加价太狠了，原价{yuan}的东西卖到两倍。",
        "客服态度{cadj}，退货退了{days}天。",
        "{cbrand}的{cproduct}用了{count}年了，{cfeature}依然{cadj}。",
        "双十一抢到的，比平时便宜了{percent}左右。",
        "在{cshop}买到了翻新机，包装都是拆过的。",
        "系统更新到{version}以后{cfeature}好多了。",
        "这款{cproduct}的{cfeature}真的{cadj}，{cverdict}",
        "不要在{cshop}买，没有保修的。",
        "快递用的{ccarrier}，从{cplace}发到{cplace}只用了{days}天。",
        "说是正品行货，结果收到的是港版。",
        "我觉得{cbrand}这次的定价有问题，{cfeature}也{cadj}。",
        "买了{count}台送人，大家都说{cadj}。",
        "看评测说{cfeature}{cadj}，买回来发现确实如此。",
        "这是第{count}次在{cshop}下单了，每次都{cadj}。",
        "现在的{cproduct}都差不多，主要看{cfeature}和价格。",
        "价格{yuan}元，{cfeature}{cadj}，{cfeature}{cadj}，总体来说{cadj}。",
        "为什么官方旗舰店总是没货，黄牛那里却一直有？",
        "听{cperson}说{cplace}的实体店可以直接买到。",
        "收到货发现屏幕有坏点，联系{cshop}只给换不给退。",
        "等降价吧，新品刚出来都贵。",
        "这个{cproduct}的做工和{cbrand}没法比。",
        "第一次用{cbrand}的产品，体验{cadj}。",
    ]

    static let chineseOpeners: [String] = ["说实话，", "其实", "哈哈，", "唉，", "同意！", "楼上说得对，", "个人觉得", "讲真，"]

    static let mixedTemplates: [String] = [
        "我在{cshop}买的{model}，battery life {adj}。",
        "{cbrand}的{cproduct}在{place}卖${price}，太贵了lol",
        "Flash sale又没抢到，{cverdict}",
        "这个{product}的{cfeature}真的{adj}，worth it!",
        "Just got my {model}，{cfeature}{cadj}，{verdict}",
        "顺丰 shipping 只用了{days}天，{adj} service.",
        "Anyone know 哪里能买到正品{cproduct}？",
        "{cshop}说是 global version，结果是国行。",
        "我觉得 {brand} 的 {feature} 比{cbrand}好。",
        "Price 降了{percent}，now it's finally reasonable.",
        "Bought it on Tmall 天猫旗舰店 for {yuan} yuan, {adj}。",
        "MIUI {version} 更新之后 {feature} is {adj}.",
        "OMG 这个价格 is insane，{yuan}元！",
        "{person} 在{cplace}买的，说 {feature} {cadj}。",
    ]

    static let models: [String] = [
        "Mi 4", "Mi4", "Mi Note", "Redmi Note 3", "Redmi 2", "Mi Band 2", "Mi Pad", "OnePlus One", "Mate 8",
        "P9", "MX5", "Honor 7", "Mi 5", "Redmi Note 4X", "Mi A1", "Pocophone F1", "Mi 9T Pro", "Mi Max",
    ]

    static let hosts: [String] = [
        "dealsfromshenzhen.com", "mi.com", "item.jd.com", "detail.tmall.com", "aliexpress.com", "gearbest.com",
        "forum.example.org", "phonearena.example.net", "en.miui.com", "shop.example.cn", "banggood.com",
    ]

    static let paths: [String] = ["item", "product", "thread", "deals", "p", "store", "review"]

    static let handles: [String] = [
        "gadgetfan88", "mi_lover", "shenzhen_sam", "TechNerd", "budgetbuyer", "Kevin_L", "anon2015", "phonehoarder",
        "coolguy_99", "MariaG", "redmi_rick", "xiaomi_insider", "dealhunter", "j0hnny", "FlashSaleLoser", "grey_importer",
    ]

    static let chineseAuthors: [String] = ["米粉", "小米粉丝", "数码控", "路人甲", "剁手党", "深圳老王", "果粉", "机友", "搞机少年", "网友"]

    static let emoji: [String] = [
        "😀", "😂", "👍", "👍🏽", "👎", "😡", "🤔", "🙄", "❤️", "💔", "🔥", "😭", "🇨🇳", "🇮🇳", "👨‍👩‍👧", "🤷‍♂️",
        "😅", "💯", "🙏", "😤", "☺", "✌️", "1️⃣", "😍",
    ]
}
